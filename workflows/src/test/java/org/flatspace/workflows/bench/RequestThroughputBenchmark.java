package org.flatspace.workflows.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.NewCapacityRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * End-to-end throughput of auto-approved one-instance requests (submit until the instance runs on
 * a test-driver host and the request is ACTIVE) on MariaDB, at 1, 4 and 16 concurrent submitters,
 * beside a bare Camunda process of the same shape (start, one service task with one conditional
 * UPDATE, one asynchronous service task that defines and starts a test-driver domain, end) at the
 * same history level and job executor settings. Not part of the test suite: run it with
 * {@code ./mvnw -q install -DskipTests && ./mvnw -Pbench -pl workflows verify}. Results go to
 * stdout and {@code workflows/target/bench/request-throughput.md}. Knobs (system properties,
 * {@code flatspace.bench.}): {@code scale}, {@code submitters} (e.g. {@code 1,16}), {@code only}
 * ({@code bare} or {@code flatspace}), {@code functions} (business functions the requests go to,
 * round robin; 1), {@code jdbc-options} (appended to the JDBC URL) and {@code phase-file} (the
 * phase about to run and the JVM's pid, for a profiler to attach to the measured runs only).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:mariadb://${flatspace.it.db.host:127.0.0.1}:${flatspace.it.db.port:3306}"
                + "/flatspace_bench?nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true${flatspace.bench.jdbc-options:}",
        "spring.datasource.hikari.maximum-pool-size=40",
        "camunda.bpm.history-level=audit",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.core-pool-size=4",
        "camunda.bpm.job-execution.max-pool-size=8",
        "camunda.bpm.job-execution.queue-capacity=16",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=16",
        "logging.level.org.flatspace=warn"})
@Import(BenchSupport.class)
class RequestThroughputBenchmark {

    /** The concurrencies to run, e.g. -Dflatspace.bench.submitters=1 to profile the one-in-flight path alone. */
    private static final int[] CONCURRENCY = Arrays.stream(
            System.getProperty("flatspace.bench.submitters", "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();
    /** Shrinks every run, for a quick check of the harness itself: -Dflatspace.bench.scale=0.1 */
    private static final double SCALE = Double.parseDouble(System.getProperty("flatspace.bench.scale", "1"));
    /** How many business functions the requests go to, round robin: -Dflatspace.bench.functions=20 */
    private static final int FUNCTIONS = Integer.getInteger("flatspace.bench.functions", 1);
    /** Runs one side alone, e.g. to profile it: -Dflatspace.bench.only=flatspace (or bare). */
    private static final String ONLY = System.getProperty("flatspace.bench.only", "");

    @Autowired
    CapacityRequestService requests;
    @Autowired
    TeamService teams;
    @Autowired
    CatalogService catalog;
    @Autowired
    QuotaService quotas;
    @Autowired
    PoolService pool;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    BenchSupport support;

    @Test
    void throughputAgainstABareCamundaProcess() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = teams.create("bench-" + suffix).id();
        quotas.setLimits(team, new Resources(10_000_000, 10_000_000_000L, 10_000_000, 10_000_000));
        long tier = catalog.createTier("bench-" + suffix, false, false, false, 16.0).id();
        List<FunctionInfo> functions = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            functions.add(catalog.createFunction(team, FUNCTIONS == 1 ? "Bench" : "Bench " + (f + 1), tier));
        }
        AtomicInteger nextFunction = new AtomicInteger();
        SizeInfo tiny = catalog.createSize("tiny-" + suffix, 1, 64, 0);
        Actor actor = new Actor("bench-" + suffix, team, EnumSet.of(Role.REQUESTER));
        Path hosts = Files.createTempDirectory("flatspace-bench-hosts");
        for (int i = 0; i < 8; i++) {
            TestDriverHosts.register(pool, hosts, 4096, 64L * 1024 * 1024, 1_000_000);
        }
        support.useTeam(team);
        repository.createDeployment().name("bench-bare").addModelInstance("bench-bare.bpmn",
                Bpmn.createExecutableProcess(BenchSupport.BARE_PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("Task_BareReserve").camundaDelegateExpression("${bareReserve}")
                        .serviceTask(BenchSupport.BARE_DONE).camundaAsyncBefore()
                        .camundaDelegateExpression("${bareProvision}").endEvent().done()).deploy();

        Supplier<String> flatspace = () -> String.valueOf(requests.submit(actor, new NewCapacityRequest(
                functions.get(Math.floorMod(nextFunction.getAndIncrement(), FUNCTIONS)).id(), tiny.id(), 1, LocalDate.now().plusDays(30), "benchmark")).id());
        Supplier<String> bare = () -> {
            String key = UUID.randomUUID().toString();
            runtime.startProcessInstanceByKey(BenchSupport.BARE_PROCESS, key);
            return key;
        };

        // Warm-up at every concurrency, so that the JIT compiler has done its work on both paths
        // before anything is measured: with 2 cores, a compiler still busy takes CPU from the run
        // (the JIT column of the report shows how much it still compiled during each run).
        // Each warm-up round is repeated (up to 4 times) while the compiler still took more than a
        // tenth of its time: the measured runs should see the steady state of a server that has
        // been up for a while, not its first minute.
        for (int c : CONCURRENCY) {
            if (!ONLY.equals("flatspace")) {
                warmUp(bare, c);
            }
            if (!ONLY.equals("bare")) {
                warmUp(flatspace, c);
            }
        }
        List<String> rows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int c : CONCURRENCY) {
            int count = scaled(Math.max(300, 100 * c));
            phase("measure-" + c);
            Result base = ONLY.equals("flatspace") ? Result.NONE : run(bare, c, count);
            Result ours = ONLY.equals("bare") ? Result.NONE : run(flatspace, c, count);
            rows.add(String.format(Locale.ROOT, "| %d | %.0f | %.1f / %.1f | %.0f | %.1f / %.1f | %.2f |", c,
                    base.perSecond(), base.p50(), base.p95(), ours.perSecond(), ours.p50(), ours.p95(),
                    ours.perSecond() / base.perSecond()));
            parts.add(String.format(Locale.ROOT, "| %d | %s | %s |", c, base.parts(), ours.parts()));
        }
        phase("done");
        if (System.getProperty("flatspace.bench.phase-file") != null) {
            Thread.sleep(5_000); // time for the profiler to write its results
        }
        report(rows, parts);
    }

    /**
     * Writes the phase about to run to the file named by -Dflatspace.bench.phase-file, for a
     * profiler to attach to the measured runs only.
     */
    private static void phase(String name) throws IOException {
        String file = System.getProperty("flatspace.bench.phase-file");
        if (file != null) {
            Files.writeString(Path.of(file), name + " " + ProcessHandle.current().pid() + "\n");
        }
    }

    private void warmUp(Supplier<String> start, int submitters) throws Exception {
        for (int round = 0; round < 4; round++) {
            long begin = System.nanoTime();
            Result result = run(start, submitters, scaled(Math.max(150, 100 * submitters)));
            if (result.jitMillis() < (System.nanoTime() - begin) / 1e6 / 10) {
                return;
            }
        }
    }

    /** count requests from c submitters, each waiting for its own to finish before the next. */
    private Result run(Supplier<String> start, int submitters, int count) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiledBefore = jit.getTotalCompilationTime();
        ExecutorService executor = Executors.newFixedThreadPool(submitters);
        List<BenchSupport.Timing> timings = Collections.synchronizedList(new ArrayList<>());
        int each = count / submitters;
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            futures.add(executor.submit(() -> {
                for (int i = 0; i < each; i++) {
                    timings.add(support.timeUntilDone(start));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        executor.shutdown();
        List<Double> sorted = new ArrayList<>(timings.stream().map(BenchSupport.Timing::total).toList());
        Collections.sort(sorted);
        return new Result(sorted.size() / seconds, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                new double[] {percentile(timings, BenchSupport.Timing::caller, 0.5),
                        percentile(timings, BenchSupport.Timing::pickUp, 0.5),
                        percentile(timings, BenchSupport.Timing::job, 0.5)},
                new double[] {percentile(timings, BenchSupport.Timing::caller, 0.95),
                        percentile(timings, BenchSupport.Timing::pickUp, 0.95),
                        percentile(timings, BenchSupport.Timing::job, 0.95)},
                jit.getTotalCompilationTime() - compiledBefore);
    }

    private static double percentile(List<BenchSupport.Timing> timings, ToDoubleFunction<BenchSupport.Timing> part,
                                     double p) {
        double[] values = timings.stream().mapToDouble(part).sorted().toArray();
        return values[(int) Math.ceil(values.length * p) - 1];
    }

    private static void report(List<String> rows, List<String> parts) throws IOException {
        String table = String.join("\n", List.of(
                "Request throughput, " + ZonedDateTime.now().toLocalDate() + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, MariaDB on the same machine",
                "",
                "| submitters | bare Camunda /s | bare p50 / p95 ms | Flatspace /s | Flatspace p50 / p95 ms | ratio |",
                "| --- | --- | --- | --- | --- | --- |")) + "\n" + String.join("\n", rows) + "\n"
                + "\nMedian ms: caller's transaction + wait for the job executor + asynchronous part to its commit"
                + " (and each part's own p95);"
                + " JIT: ms the JIT compiler spent during the run (all compiler threads)\n\n"
                + "| submitters | bare Camunda | JIT | Flatspace | JIT |\n| --- | --- | --- | --- | --- |\n"
                + String.join("\n", parts) + "\n";
        System.out.println(table);
        Path out = Path.of("target", "bench", "request-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static int scaled(int count) {
        return Math.max(16, (int) (count * SCALE));
    }

    /** Throughput, latency, and the medians of the three parts of a request's way. */
    private record Result(double perSecond, double p50, double p95, double[] partsP50, double[] partsP95,
                          long jitMillis) {
        static final Result NONE = new Result(Double.NaN, Double.NaN, Double.NaN,
                new double[] {Double.NaN, Double.NaN, Double.NaN}, new double[] {Double.NaN, Double.NaN, Double.NaN}, -1);

        String parts() {
            return String.format(Locale.ROOT, "%.1f + %.1f + %.1f (p95 %.1f, %.1f, %.1f) | %d", partsP50[0],
                    partsP50[1], partsP50[2], partsP95[0], partsP95[1], partsP95[2], jitMillis);
        }
    }
}
