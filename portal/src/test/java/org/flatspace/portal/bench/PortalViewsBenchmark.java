package org.flatspace.portal.bench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.FlatspaceApplication;
import org.flatspace.portal.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.ListDataProvider;

/**
 * How long the portal's list views take to build what they show with 1,000 hosts, 10,000
 * instances, 3,000 requests and 20,000 audit entries in MariaDB ({@link BenchPool}, in the database
 * flatspace_bench_portal, created when missing), and how much they load for it. Each view is opened
 * as the browser opens it (the real view from the application context, through Karibu-Testing's
 * Spring servlet, signed in as the demo's admin or alice) and the first page of every grid is fetched,
 * as the browser's first request for rows does. Measured per view: the median time of 7 openings
 * after 3 warm-ups, the memory allocated while opening, and the rows its grids hold (all of them for
 * a grid given a list, one page for a lazy one). Not a test: run with
 * {@code ./mvnw -q install -DskipTests && ./mvnw -Pbench -pl portal verify -Dit.test=PortalViewsBenchmark}.
 * Results go to stdout and {@code portal/target/bench/portal-views.md}.
 */
@SpringBootTest(classes = FlatspaceApplication.class, properties = {
        "spring.datasource.url=jdbc:mariadb://${flatspace.it.db.host:127.0.0.1}:${flatspace.it.db.port:3306}"
                + "/flatspace_bench_portal?nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true",
        "spring.datasource.username=${flatspace.it.db.user:flatspace}",
        "spring.datasource.password=${flatspace.it.db.password:flatspace}",
        // no timers: the health check would call a thousand hosts that do not exist
        "camunda.bpm.job-execution.enabled=false",
        "flatspace.data-dir=target/bench-data",
        "logging.level.org.flatspace=warn"})
@ActiveProfiles({"mariadb", "demo"})
class PortalViewsBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 7;
    private static final int PAGE = 50;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TeamService teams;
    @Autowired
    CatalogService catalog;
    @Autowired
    UserDetailsService people;

    @BeforeEach
    void startVaadin() {
        SignedIn.fakeRequestsShowTheSecurityContext();
        MockVaadin.setup(UI::new, new MockSpringServlet(BrowserlessUi.routes(), context, UI::new));
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
        SignedIn.nobody();
    }

    @Test
    void listViewsOnALargePool() throws IOException {
        seed();
        long host = jdbc.queryForObject("select id from host where name = 'bench-h0500'", Long.class);
        long request = jdbc.queryForObject("select max(id) from capacity_request where status = 'ACTIVE'"
                + " and team_name = 'Payroll'", Long.class);
        List<String> rows = new ArrayList<>();
        signIn("admin");
        rows.add(measure("admin", "Hosts", "admin/hosts"));
        rows.add(measure("admin", "Host health", "admin/health"));
        rows.add(measure("admin", "Host page (10 instances)", "admin/hosts/" + host));
        rows.add(measure("admin", "Pool plans", "admin/plans"));
        rows.add(measure("admin", "Audit log", "admin/audit"));
        rows.add(measure("admin", "Quotas", "admin/quotas"));
        signIn("alice");
        rows.add(measure("alice", "Requests (2,100 of the team)", ""));
        rows.add(measure("alice", "Dashboard", "dashboard"));
        rows.add(measure("alice", "Request page (5 instances)", "requests/" + request));
        report(rows);
    }

    private void seed() {
        BenchPool pool = new BenchPool(jdbc);
        if (pool.present()) {
            return;
        }
        TeamInfo payroll = teams.teamNamed("Payroll").orElseThrow();
        TeamInfo webShop = teams.teamNamed("Web shop").orElseThrow();
        FunctionInfo batch = catalog.functionsOf(payroll.id()).get(0);
        FunctionInfo shop = catalog.functionsOf(webShop.id()).get(0);
        long started = System.nanoTime();
        pool.write(batch, payroll.name(), shop, webShop.name());
        System.out.printf(Locale.ROOT, "Seeded the bench pool in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void signIn(String username) {
        UserDetails user = people.loadUserByUsername(username);
        SignedIn.as((org.flatspace.portal.security.FlatspaceUser) user);
    }

    /** Opens the view WARM_UP + RUNS times, each time after another view, and reports the median run. */
    private String measure(String who, String name, String path) {
        double[] millis = new double[RUNS];
        double[] megabytes = new double[RUNS];
        int held = 0;
        for (int run = -WARM_UP; run < RUNS; run++) {
            UI.getCurrent().navigate("login");
            long allocated = allocated();
            long start = System.nanoTime();
            UI.getCurrent().navigate(path);
            Component view = UI.getCurrent().getCurrentView();
            held = 0;
            for (Grid<?> grid : grids(view)) {
                held += rowsHeld(grid);
            }
            if (run >= 0) {
                millis[run] = (System.nanoTime() - start) / 1e6;
                megabytes[run] = (allocated() - allocated) / 1e6;
            }
        }
        Arrays.sort(millis);
        Arrays.sort(megabytes);
        String row = String.format(Locale.ROOT, "| %s | %s | `%s` | %.1f | %.1f | %,d |", name, who, path,
                millis[RUNS / 2], megabytes[RUNS / 2], held);
        System.out.println(row);
        return row;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Grid<?>> grids(Component view) {
        return (List) _find(view, Grid.class);
    }

    /** Fetches the grid's first page as the browser would; the rows the grid then holds. */
    private static int rowsHeld(Grid<?> grid) {
        int page = GridKt._fetch(grid, 0, PAGE).size();
        DataProvider<?, ?> provider = grid.getDataProvider();
        return provider instanceof ListDataProvider<?> list ? list.getItems().size() : page;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void report(List<String> rows) throws IOException {
        String table = "Portal views on a large pool, " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, MariaDB on the same machine\n\n"
                + "| view | as | route | ms (median of " + RUNS + ") | MB allocated | rows held by its grids |\n"
                + "| --- | --- | --- | --- | --- | --- |\n" + String.join("\n", rows) + "\n";
        System.out.println(table);
        Path out = Path.of("target", "bench", "portal-views.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }
}
