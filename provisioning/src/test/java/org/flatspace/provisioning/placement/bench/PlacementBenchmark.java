package org.flatspace.provisioning.placement.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.flatspace.provisioning.placement.Datasets;
import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementEngine;
import org.flatspace.provisioning.placement.PlacementRequest;
import org.flatspace.provisioning.placement.PlacementResult;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.PlacementSession;
import org.flatspace.provisioning.placement.PlacementWeights;
import org.flatspace.provisioning.placement.Spread;

/**
 * The placement benchmark, kept out of the test run: {@code mvn -B -o -pl provisioning -Pbench
 * test-compile exec:exec} (see provisioning/README.md). It runs on one core ({@code taskset -c 0}).
 *
 * <p>Decisions: the shape of Kubernetes' scheduler_perf SchedulingBasic test. For 500, 5,000 and
 * 15,000 hosts, 1,000 instances are placed first, then 10,000 more one decision at a time, each
 * timed; every decision sees the ones before it. A warm-up run of the same shape comes first, so
 * the numbers are the JIT-compiled steady state, as a long-running scheduler sees it.
 *
 * <p>Packing: the five cloud-balancing sizes, one batch each with the pack weights; hosts used
 * against the lower bound.
 */
public final class PlacementBenchmark {

    private static final int INITIAL = 1_000;
    private static final int MEASURED = 10_000;
    private static final Demand SMALL = new Demand(1, 2048, 20);

    private PlacementBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "Flatspace placement benchmark, %s, %s %s, %d CPU(s) visible, JVM %s%n",
                LocalDate.now(), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getVmVersion());
        System.out.println();
        System.out.println("| hosts | rules | decisions/s | p50 us | p99 us | max us |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: |");
        for (int hosts : new int[] {500, 5_000, 15_000}) {
            decisions(hosts, PlacementRules.NONE, "none");
        }
        decisions(5_000, new PlacementRules(Spread.HARD, false, Set.of("ssd"), "KVM", 2.0), "hard spread, tag, type");
        System.out.println();
        System.out.println("| hosts / instances | hosts used | lower bound | ratio | ms |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < Datasets.CLOUD_BALANCING_SIZES.length; i++) {
            packing(i);
        }
    }

    private static void decisions(int hostCount, PlacementRules rules, String label) {
        List<HostCapacity> hosts = pool(hostCount);
        run(hosts, rules);
        long[] nanos = run(hosts, rules);
        long total = Arrays.stream(nanos).sum();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %,d | %s | %,.0f | %.1f | %.1f | %.1f |%n", hostCount, label,
                MEASURED / (total / 1e9), micros(nanos, 0.50), micros(nanos, 0.99), nanos[nanos.length - 1] / 1e3);
    }

    /**
     * 1,000 placements, then 10,000 timed ones. All instances belong to one function, whose
     * instances per host are handed to every decision, as {@code PlacementService} does; the
     * timing includes building the request.
     */
    private static long[] run(List<HostCapacity> hosts, PlacementRules rules) {
        PlacementSession session = new PlacementEngine(PlacementWeights.SPREAD).open(hosts);
        Map<Long, Integer> function = new HashMap<>();
        for (int i = 0; i < INITIAL; i++) {
            place(session, rules, function);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            place(session, rules, function);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void place(PlacementSession session, PlacementRules rules, Map<Long, Integer> function) {
        PlacementResult result = session.place(new PlacementRequest(List.of(SMALL), rules,
                rules.spread() == Spread.NONE ? Map.of() : function));
        expectPlaced(result);
        function.merge(((PlacementResult.Placed) result).hostIds().get(0), 1, Integer::sum);
    }

    private static void packing(int dataset) {
        int hosts = Datasets.CLOUD_BALANCING_SIZES[dataset][0];
        int instances = Datasets.CLOUD_BALANCING_SIZES[dataset][1];
        List<Demand> demands = Datasets.instances(instances, 42 + dataset);
        long start = System.nanoTime();
        PlacementSession session = new PlacementEngine(PlacementWeights.PACK).open(Datasets.hosts(hosts));
        expectPlaced(session.place(new PlacementRequest(demands, PlacementRules.NONE, Map.of())));
        double ms = (System.nanoTime() - start) / 1e6;
        long used = Datasets.hostsUsed(session.hosts());
        long bound = Datasets.lowerBound(demands);
        System.out.printf(Locale.ROOT, "| %,d / %,d | %d | %d | %.3f | %.0f |%n", hosts, instances, used, bound,
                (double) used / bound, ms);
    }

    /** Identical hosts in 20 fault domains; every host has the tag ssd and runs KVM at 2:1 CPU. */
    private static List<HostCapacity> pool(int count) {
        return Datasets.hosts(count).stream()
                .map(h -> new HostCapacity(h.hostId(), h.name(), h.state(), "KVM", "rack-" + (h.hostId() % 20),
                        Set.of("ssd"), 2.0, h.vcpuLimit(), h.memoryLimitMib(), h.diskLimitGib(), 0, 0, 0))
                .toList();
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e3;
    }

    private static void expectPlaced(PlacementResult result) {
        if (!(result instanceof PlacementResult.Placed)) {
            throw new IllegalStateException("benchmark pool too small: " + ((PlacementResult.NoFit) result).explain());
        }
    }
}
