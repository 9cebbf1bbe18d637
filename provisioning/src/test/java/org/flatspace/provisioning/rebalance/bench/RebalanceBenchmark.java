package org.flatspace.provisioning.rebalance.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.provisioning.rebalance.GreedyRebalancer;
import org.flatspace.provisioning.rebalance.PlanChecks;
import org.flatspace.provisioning.rebalance.RebalancePlan;
import org.flatspace.provisioning.rebalance.RebalancePlanner;
import org.flatspace.provisioning.rebalance.RebalanceRequest;

/**
 * The rebalance benchmark, kept out of the test run: {@code mvn -B -o -pl provisioning -Pbench
 * test-compile exec:exec@rebalance} (see provisioning/README.md). On the pool of
 * {@link BenchmarkPool} (1,000 hosts, 10,000 instances) with a budget of 1,000 migrations, the
 * Timefold planner at two time limits and the greedy baseline, for both goals; then consolidation
 * once more with a budget as large as the pool (how near the lower bound each gets). Every plan is
 * replayed by {@link PlanChecks} before its numbers are printed. A warm-up on a pool a tenth the
 * size comes first, so that the JIT has compiled the hot paths.
 */
public final class RebalanceBenchmark {

    private static final int MAX_MIGRATIONS = 1_000;
    private static final Duration[] TIME_LIMITS = {Duration.ofSeconds(10), Duration.ofSeconds(60)};

    private RebalanceBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT,
                "Flatspace rebalance benchmark, %s, %s %s, %d CPU(s) visible, JVM %s, load %.2f%n",
                LocalDate.now(), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getVmVersion(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        warmUp();
        BenchmarkPool pool = BenchmarkPool.generate(42, 1_000, 10_000);
        long active = pool.hosts.stream().filter(h -> HostCapacity.ACTIVE.equals(h.state())).count();
        System.out.printf(Locale.ROOT, "%n%,d hosts, %,d instances%n%n", pool.hosts.size(), pool.instances.size());
        System.out.println("| goal | budget | planner | time to plan s | moves | imbalance before -> after"
                + " | removed per move | empty hosts before -> after | at most (active - lower bound) |");
        System.out.println("| --- | ---: | --- | ---: | ---: | --- | ---: | --- | ---: |");
        for (Goal goal : Goal.values()) {
            scenario(pool, goal, MAX_MIGRATIONS, active);
        }
        // How close to the lower bound each gets when any instance may move.
        scenario(pool, Goal.CONSOLIDATE, pool.instances.size(), active);
        System.out.printf(Locale.ROOT, "%nload at the end %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void warmUp() {
        BenchmarkPool small = BenchmarkPool.generate(7, 100, 1_000);
        for (Goal goal : Goal.values()) {
            RebalanceRequest request = new RebalanceRequest(small.hosts, small.instances, goal, 100,
                    Duration.ofSeconds(5));
            new GreedyRebalancer().plan(request);
            new RebalancePlanner().plan(request);
        }
    }

    private static void scenario(BenchmarkPool pool, Goal goal, int budget, long active) {
        run(pool, goal, budget, "greedy", TIME_LIMITS[0], new GreedyRebalancer()::plan, active);
        for (Duration limit : TIME_LIMITS) {
            run(pool, goal, budget, "Timefold, limit " + limit.toSeconds() + " s", limit,
                    new RebalancePlanner()::plan, active);
        }
    }

    private static void run(BenchmarkPool pool, Goal goal, int budget, String planner, Duration limit,
                            Function<RebalanceRequest, RebalancePlan> plan, long active) {
        RebalanceRequest request = new RebalanceRequest(pool.hosts, pool.instances, goal, budget, limit);
        RebalancePlan p = plan.apply(request);
        new PlanChecks(request).replay(p);
        System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.1f | %,d | %.4f -> %.4f | %.6f | %d -> %d | %d |%n",
                goal.name().toLowerCase(Locale.ROOT), budget, planner, p.took().toMillis() / 1000.0, p.moves().size(),
                p.imbalanceBefore(), p.imbalanceAfter(), p.imbalanceRemovedPerMove(), p.emptyHostsBefore(),
                p.emptyHostsAfter(), active - p.hostsNeededLowerBound());
    }
}
