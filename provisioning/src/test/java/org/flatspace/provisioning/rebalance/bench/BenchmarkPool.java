package org.flatspace.provisioning.rebalance.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementEngine;
import org.flatspace.provisioning.placement.PlacementRequest;
import org.flatspace.provisioning.placement.PlacementResult;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.PlacementSession;
import org.flatspace.provisioning.placement.PlacementWeights;
import org.flatspace.provisioning.placement.Spread;
import org.flatspace.provisioning.rebalance.PlacedInstance;

/**
 * A pool that has lived a while, the same for the same seed. At full size 1,000 hosts in 10 racks
 * (fault domains): every fourth a large model (64 cores, 512 GiB, 4 TB) and the rest standard (32 cores,
 * 256 GiB, 2 TB); every fifth runs Xen, the rest KVM; 70% overcommit CPU 2:1, the rest not at all;
 * half have the tag {@code ssd}, one in twenty {@code gpu}. Business functions of 4 to 40 instances
 * of one of eight sizes, in three tiers: gold (hard spread, at most 1:1 CPU, a third of them on
 * ssd), silver (soft spread, at most 2:1) and bronze (no rule; a tenth of them with affinity).
 *
 * <p>History: the functions are placed by the placement engine (spread weights) on the first 90% of
 * the hosts until 10,000 / 0.85 = 11,765 instances run, then 15% drawn at random end (10,000 remain,
 * leaving holes), then the last 10% of the hosts join empty. So there is load to even out and there
 * are hosts to empty. A function that does not fit whole is left out, as placement would refuse it.
 */
final class BenchmarkPool {

    /** Of the instances placed, the share whose lease ends before the planner runs. */
    private static final double ENDED = 0.15;
    /** Of the hosts, the share that joins the pool after the instances were placed. */
    private static final double JOINED = 0.10;
    private static final Demand[] SIZES = {
            new Demand(1, 2048, 20), new Demand(2, 4096, 40), new Demand(4, 8192, 80), new Demand(8, 16384, 160),
            new Demand(4, 32768, 80), new Demand(8, 8192, 80), new Demand(16, 65536, 320), new Demand(2, 16384, 40)};

    final List<HostCapacity> hosts;
    final List<PlacedInstance> instances;

    private BenchmarkPool(List<HostCapacity> hosts, List<PlacedInstance> instances) {
        this.hosts = hosts;
        this.instances = instances;
    }

    /** {@code hosts} hosts and {@code instances} instances, the same for the same seed. */
    static BenchmarkPool generate(long seed, int hosts, int instances) {
        Random random = new Random(seed);
        List<HostCapacity> all = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            all.add(host(i, random));
        }
        int firstHosts = (int) Math.round(hosts * (1 - JOINED));
        int toPlace = (int) Math.round(instances / (1 - ENDED));
        PlacementSession session = new PlacementEngine(PlacementWeights.SPREAD).open(all.subList(0, firstHosts));
        List<PlacedInstance> placed = new ArrayList<>();
        long function = 0;
        while (placed.size() < toPlace) {
            function++;
            int count = Math.min(4 + random.nextInt(37), toPlace - placed.size());
            Demand size = SIZES[random.nextInt(SIZES.length)];
            PlacementRules rules = tier(random);
            PlacementResult result = session.place(PlacementRequest.of(count, size, rules));
            if (result instanceof PlacementResult.Placed ok) {
                for (long hostId : ok.hostIds()) {
                    placed.add(new PlacedInstance(new UUID(seed, placed.size()), function, hostId, size, rules, true));
                }
            }
        }
        Collections.shuffle(placed, random);
        List<PlacedInstance> remaining = List.copyOf(placed.subList(0, instances));
        return new BenchmarkPool(withAllocations(all, remaining), remaining);
    }

    private static HostCapacity host(int i, Random random) {
        boolean large = i % 4 == 3;
        double overcommit = random.nextDouble() < 0.7 ? 2.0 : 1.0;
        long cores = large ? 64 : 32;
        Set<String> tags = new HashSet<>();
        if (random.nextBoolean()) {
            tags.add("ssd");
        }
        if (random.nextInt(20) == 0) {
            tags.add("gpu");
        }
        return new HostCapacity(i + 1, "host-" + (i + 1), HostCapacity.ACTIVE, i % 5 == 4 ? "XEN" : "KVM",
                "rack-" + (i % 10), tags, overcommit, HostCapacity.limit(cores, 0, overcommit),
                large ? 524_288 : 262_144, large ? 4000 : 2000, 0, 0, 0);
    }

    private static PlacementRules tier(Random random) {
        int tier = random.nextInt(10);
        if (tier < 3) {
            Set<String> tags = random.nextInt(3) == 0 ? Set.of("ssd") : Set.of();
            return new PlacementRules(Spread.HARD, false, tags, null, 1.0);
        }
        if (tier < 6) {
            return new PlacementRules(Spread.SOFT, false, Set.of(), null, 2.0);
        }
        return new PlacementRules(Spread.NONE, random.nextInt(10) == 0, Set.of(), null, 0);
    }

    private static List<HostCapacity> withAllocations(List<HostCapacity> hosts, List<PlacedInstance> instances) {
        Map<Long, long[]> alloc = new HashMap<>();
        for (PlacedInstance i : instances) {
            long[] a = alloc.computeIfAbsent(i.hostId(), id -> new long[3]);
            a[0] += i.demand().vcpu();
            a[1] += i.demand().memoryMib();
            a[2] += i.demand().diskGib();
        }
        List<HostCapacity> result = new ArrayList<>(hosts.size());
        for (HostCapacity h : hosts) {
            long[] a = alloc.getOrDefault(h.hostId(), new long[3]);
            result.add(new HostCapacity(h.hostId(), h.name(), h.state(), h.hypervisorType(), h.faultDomain(), h.tags(),
                    h.cpuOvercommit(), h.vcpuLimit(), h.memoryLimitMib(), h.diskLimitGib(), a[0], a[1], a[2]));
        }
        return result;
    }
}
