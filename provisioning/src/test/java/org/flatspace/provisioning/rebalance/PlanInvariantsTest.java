package org.flatspace.provisioning.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random pools, both planners, both goals: every plan replays without breaking a rule
 * ({@link PlanChecks}) and reports what the replay measures. The pools start in states placement
 * would never reach (an instance on a host without its tag, a function already skewed, a host in
 * maintenance full of instances, some pinned), so "never worse" is tested, not only "never broken".
 */
class PlanInvariantsTest {

    private static final int SEEDS = 12;
    private static final Demand[] SIZES = {new Demand(1, 2048, 20), new Demand(2, 8192, 50),
            new Demand(4, 16384, 100), new Demand(8, 32768, 200)};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            for (Goal goal : Goal.values()) {
                cases.add(Arguments.of("timefold", seed, goal));
                cases.add(Arguments.of("greedy", seed, goal));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} seed {1} {2}")
    @MethodSource("cases")
    void aPlanNeverBreaksAHardRuleAndReportsWhatItDoes(String planner, int seed, Goal goal) {
        RebalanceRequest request = randomRequest(new Random(seed), goal);
        Function<RebalanceRequest, RebalancePlan> plan = planner.equals("timefold")
                ? new RebalancePlanner()::plan : new GreedyRebalancer()::plan;

        RebalancePlan result = plan.apply(request);

        Map<Long, HostCapacity> after = new PlanChecks(request).replay(result);
        assertThat(result.imbalanceBefore()).isCloseTo(PlanChecks.imbalance(request.hosts()), within(1e-9));
        assertThat(result.imbalanceAfter()).isCloseTo(PlanChecks.imbalance(after.values()), within(1e-9));
        assertThat(result.emptyHostsBefore()).isEqualTo(PlanChecks.emptyHosts(request.hosts()));
        assertThat(result.emptyHostsAfter()).isEqualTo(PlanChecks.emptyHosts(after.values()));
        long active = request.hosts().stream().filter(h -> HostCapacity.ACTIVE.equals(h.state())).count();
        assertThat(result.emptyHostsAfter()).isLessThanOrEqualTo((int) active - result.hostsNeededLowerBound());
    }

    private static RebalanceRequest randomRequest(Random random, Goal goal) {
        List<HostCapacity> hosts = new ArrayList<>();
        int hostCount = 8 + random.nextInt(9);
        for (int i = 1; i <= hostCount; i++) {
            double overcommit = random.nextBoolean() ? 1.0 : 2.0;
            hosts.add(new HostCapacity(i, "h" + i, random.nextInt(8) == 0 ? "MAINTENANCE" : HostCapacity.ACTIVE,
                    random.nextInt(4) == 0 ? "XEN" : "KVM", "fd-" + random.nextInt(3),
                    random.nextBoolean() ? Set.of("ssd") : Set.of(), overcommit, (long) (16 * overcommit), 65536, 1000,
                    0, 0, 0));
        }
        Map<Long, long[]> alloc = new HashMap<>();
        List<PlacedInstance> instances = new ArrayList<>();
        int functions = 3 + random.nextInt(4);
        for (long f = 1; f <= functions; f++) {
            PlacementRules rules = randomRules(random);
            Demand size = SIZES[random.nextInt(SIZES.length)];
            int count = 1 + random.nextInt(6);
            for (int k = 0; k < count; k++) {
                HostCapacity host = hosts.get(random.nextInt(hosts.size()));
                long[] a = alloc.computeIfAbsent(host.hostId(), id -> new long[3]);
                if (a[0] + size.vcpu() <= host.vcpuLimit() && a[1] + size.memoryMib() <= host.memoryLimitMib()) {
                    a[0] += size.vcpu();
                    a[1] += size.memoryMib();
                    a[2] += size.diskGib();
                    instances.add(new PlacedInstance(new UUID(f, k), f, host.hostId(), size, rules,
                            random.nextInt(5) != 0));
                }
            }
        }
        List<HostCapacity> withAlloc = hosts.stream().map(h -> {
            long[] a = alloc.getOrDefault(h.hostId(), new long[3]);
            return new HostCapacity(h.hostId(), h.name(), h.state(), h.hypervisorType(), h.faultDomain(), h.tags(),
                    h.cpuOvercommit(), h.vcpuLimit(), h.memoryLimitMib(), h.diskLimitGib(), a[0], a[1], a[2]);
        }).toList();
        return new RebalanceRequest(withAlloc, instances, goal, random.nextInt(8), Duration.ofMillis(500));
    }

    private static PlacementRules randomRules(Random random) {
        Spread spread = Spread.values()[random.nextInt(3)];
        boolean affinity = spread != Spread.HARD && random.nextInt(3) == 0;
        Set<String> tags = random.nextInt(3) == 0 ? Set.of("ssd") : Set.of();
        String type = random.nextInt(5) == 0 ? "KVM" : null;
        double overcommit = random.nextInt(3) == 0 ? 1.0 : 0;
        return new PlacementRules(spread, affinity, tags, type, overcommit);
    }
}
