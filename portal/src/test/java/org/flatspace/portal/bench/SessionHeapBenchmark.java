package org.flatspace.portal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.management.ObjectName;

import org.flatspace.portal.FlatspaceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * The heap a signed-in person's session costs: the portal (demo profile on MariaDB, its own Tomcat
 * on a random port, in this JVM) and 50 people over HTTP ({@link SessionProbe}), each signing in
 * through the login form and opening the dashboard (requesters and managers) or the request list
 * (admin) as a browser tab does, then the request list in a second tab. The heap used after a full
 * GC is read before and after each step; the per-class growth of the heap (the JVM's class
 * histogram) says where the bytes went, and the sessions' attributes are listed. Not a test: run
 * with {@code ./mvnw -q install -DskipTests && ./mvnw -Pbench -pl portal verify -Dit.test=SessionHeapBenchmark};
 * add {@code -Dvaadin.devmode.componentTracker.enabled=false} to leave out what development mode
 * alone keeps per component (where each was created), as production mode does.
 * Results go to stdout and {@code portal/target/bench/session-heap.md}.
 */
@SpringBootTest(classes = FlatspaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:mariadb://${flatspace.it.db.host:127.0.0.1}:${flatspace.it.db.port:3306}"
                        + "/flatspace_bench_portal?nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true",
                "spring.datasource.username=${flatspace.it.db.user:flatspace}",
                "spring.datasource.password=${flatspace.it.db.password:flatspace}",
                "camunda.bpm.job-execution.enabled=false",
                "flatspace.data-dir=target/bench-data",
                "flatspace.security.login.max-failures-per-address=1000",
                "logging.level.org.flatspace=warn"})
@ActiveProfiles({"mariadb", "demo"})
@Import(SessionHeapBenchmark.Sessions.class)
class SessionHeapBenchmark {

    static final int SESSIONS = 50;
    private static final String[] PEOPLE = {"alice", "paul", "wendy", "mike", "admin"};

    /** Every HTTP session the portal opens, to look inside them (a listener bean Boot registers with Tomcat). */
    static class Sessions implements HttpSessionListener {

        final Set<HttpSession> open = ConcurrentHashMap.newKeySet();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            open.add(event.getSession());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            open.remove(event.getSession());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Sessions sessions;
    @Autowired
    Environment environment;

    @Test
    void heapPerSessionWithFiftyOpen() throws Exception {
        // warm up: the first sign-ins and views load classes and fill caches every session shares
        for (String person : PEOPLE) {
            SessionProbe warm = new SessionProbe(port);
            warm.signIn(person, "flatspace");
            warm.open(firstRoute(person));
        }
        long before = heapAfterGc();
        Map<String, long[]> histogramBefore = histogram();
        int sessionsBefore = sessions.open.size();

        List<SessionProbe> people = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionProbe probe = new SessionProbe(port);
            probe.signIn(PEOPLE[i % PEOPLE.length], "flatspace");
            people.add(probe);
        }
        long signedIn = heapAfterGc();
        for (int i = 0; i < SESSIONS; i++) {
            people.get(i).open(firstRoute(PEOPLE[i % PEOPLE.length]));
        }
        long oneTab = heapAfterGc();
        Map<String, long[]> histogramOneTab = histogram();
        String views = views();
        for (SessionProbe probe : people) {
            probe.open("");
        }
        long twoTabs = heapAfterGc();

        int opened = sessions.open.size() - sessionsBefore;
        String mode = (environment.getProperty("vaadin.productionMode", Boolean.class, false) ? "production mode"
                : "development mode") + ", component tracker "
                + (environment.getProperty("vaadin.devmode.componentTracker.enabled", Boolean.class, true) ? "on" : "off");
        report(opened, mode, before, signedIn, oneTab, twoTabs, views, growth(histogramBefore, histogramOneTab),
                attributes());
    }

    private static String firstRoute(String person) {
        return person.equals("admin") ? "" : "dashboard";
    }

    /** The view each session's UIs show, counted: proof that the tabs really opened. */
    private String views() {
        Map<String, Integer> count = new HashMap<>();
        for (HttpSession session : sessions.open) {
            for (VaadinSession vaadin : vaadinSessions(session)) {
                vaadin.lock();
                try {
                    for (UI ui : vaadin.getUIs()) {
                        String view = ui.getCurrentView() == null ? "(none)"
                                : ui.getCurrentView().getClass().getSimpleName();
                        count.merge(view, 1, Integer::sum);
                    }
                } finally {
                    vaadin.unlock();
                }
            }
        }
        return count.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** One session's attributes (name: class), from a session of the measured ones. */
    private String attributes() {
        HttpSession session = sessions.open.stream().filter(s -> !vaadinSessions(s).isEmpty()).findFirst()
                .orElseThrow();
        List<String> lines = new ArrayList<>();
        for (String name : Collections.list(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            lines.add("`" + name + "`: " + (value == null ? "null" : value.getClass().getName()));
        }
        Collections.sort(lines);
        return String.join("; ", lines);
    }

    private static List<VaadinSession> vaadinSessions(HttpSession session) {
        List<VaadinSession> found = new ArrayList<>();
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                found.add(vaadin);
            }
        }
        return found;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The JVM's class histogram (it runs a full GC first): class name to {instances, bytes}. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return classes;
    }

    /** The classes whose bytes grew most between two histograms: "class: +instances, +KiB". */
    private static List<String> growth(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> grown = new LinkedHashMap<>();
        after.forEach((name, counts) -> {
            long[] was = before.getOrDefault(name, new long[2]);
            grown.put(name, new long[] {counts[0] - was[0], counts[1] - was[1]});
        });
        return grown.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(12)
                .map(e -> String.format(Locale.ROOT, "| `%s` | %,d | %,.0f |", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1024.0))
                .toList();
    }

    private static void report(int opened, String mode, long before, long signedIn, long oneTab, long twoTabs, String views,
                               List<String> growth, String attributes) throws IOException {
        String text = String.format(Locale.ROOT, """
                        Heap per session, %s, %d cores, %s, max heap %d MiB, Vaadin in %s

                        %d sessions opened (%d asked for); UIs by view: %s

                        | step | heap used after full GC, MiB | per session, KiB |
                        | --- | --- | --- |
                        | 5 warm-up sessions | %.1f | |
                        | + %d signed in, no page opened | %.1f | %.0f |
                        | + a tab each (dashboard, or the request list for admin) | %.1f | %.0f |
                        | + a second tab each (request list) | %.1f | %.0f |

                        Where one tab's bytes went (growth of the class histogram, %d sessions):

                        | class | instances | KiB |
                        | --- | --- | --- |
                        %s

                        One session's attributes: %s
                        """, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, mode, opened, SESSIONS, views, mib(before), SESSIONS,
                mib(signedIn), (signedIn - before) / 1024.0 / SESSIONS, mib(oneTab),
                (oneTab - signedIn) / 1024.0 / SESSIONS, mib(twoTabs), (twoTabs - oneTab) / 1024.0 / SESSIONS,
                SESSIONS, String.join("\n", growth), attributes);
        System.out.println(text);
        Path out = Path.of("target", "bench", "session-heap.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
