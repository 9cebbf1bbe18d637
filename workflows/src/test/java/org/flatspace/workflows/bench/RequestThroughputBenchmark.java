package org.flatspace.workflows.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * stdout and {@code workflows/target/bench/request-throughput.md}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:mariadb://${flatspace.it.db.host:127.0.0.1}:${flatspace.it.db.port:3306}"
                + "/flatspace_bench?nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true",
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

    private static final int[] CONCURRENCY = {1, 4, 16};
    /** Shrinks every run, for a quick check of the harness itself: -Dflatspace.bench.scale=0.1 */
    private static final double SCALE = Double.parseDouble(System.getProperty("flatspace.bench.scale", "1"));
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
        FunctionInfo function = catalog.createFunction(team, "Bench",
                catalog.createTier("bench-" + suffix, false, false, false, 16.0).id());
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
                function.id(), tiny.id(), 1, LocalDate.now().plusDays(30), "benchmark")).id());
        Supplier<String> bare = () -> {
            String key = UUID.randomUUID().toString();
            runtime.startProcessInstanceByKey(BenchSupport.BARE_PROCESS, key);
            return key;
        };

        // Warm-up at every concurrency, so that the JIT compiler has done its work on both paths
        // before anything is measured: with 2 cores, a compiler still busy takes CPU from the run
        // (the JIT column of the report shows how much it still compiled during each run).
        for (int c : CONCURRENCY) {
            if (!ONLY.equals("flatspace")) {
                run(bare, c, scaled(Math.max(150, 100 * c)));
            }
            if (!ONLY.equals("bare")) {
                run(flatspace, c, scaled(Math.max(150, 100 * c)));
            }
        }
        List<String> rows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int c : CONCURRENCY) {
            int count = scaled(Math.max(300, 100 * c));
            Result base = ONLY.equals("flatspace") ? Result.NONE : run(bare, c, count);
            Result ours = ONLY.equals("bare") ? Result.NONE : run(flatspace, c, count);
            rows.add(String.format(Locale.ROOT, "| %d | %.0f | %.1f / %.1f | %.0f | %.1f / %.1f | %.2f |", c,
                    base.perSecond(), base.p50(), base.p95(), ours.perSecond(), ours.p50(), ours.p95(),
                    ours.perSecond() / base.perSecond()));
            parts.add(String.format(Locale.ROOT, "| %d | %s | %s |", c, base.parts(), ours.parts()));
        }
        report(rows, parts);
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
                median(timings, BenchSupport.Timing::caller), median(timings, BenchSupport.Timing::pickUp),
                median(timings, BenchSupport.Timing::job), jit.getTotalCompilationTime() - compiledBefore);
    }

    private static double median(List<BenchSupport.Timing> timings, ToDoubleFunction<BenchSupport.Timing> part) {
        double[] values = timings.stream().mapToDouble(part).sorted().toArray();
        return values[values.length / 2];
    }

    private static void report(List<String> rows, List<String> parts) throws IOException {
        String table = String.join("\n", List.of(
                "Request throughput, " + ZonedDateTime.now().toLocalDate() + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, MariaDB on the same machine",
                "",
                "| submitters | bare Camunda /s | bare p50 / p95 ms | Flatspace /s | Flatspace p50 / p95 ms | ratio |",
                "| --- | --- | --- | --- | --- | --- |")) + "\n" + String.join("\n", rows) + "\n"
                + "\nMedian ms: caller's transaction + wait for the job executor + asynchronous part to its commit;"
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
    private record Result(double perSecond, double p50, double p95, double caller, double pickUp, double job,
                          long jitMillis) {
        static final Result NONE = new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                -1);

        String parts() {
            return String.format(Locale.ROOT, "%.1f + %.1f + %.1f | %d", caller, pickUp, job, jitMillis);
        }
    }
}
