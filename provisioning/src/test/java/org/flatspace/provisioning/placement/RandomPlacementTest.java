package org.flatspace.provisioning.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties on random pools and requests (seeded, so a failure can be replayed with its seed):
 * no host ever above its limits, hard rules always held, all or nothing, and a refusal only when
 * no host could take the instance.
 */
class RandomPlacementTest {

    private static final String[] STATES = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "MAINTENANCE", "DOWN"};
    private static final String[] HYPERVISORS = {"KVM", "KVM", "QEMU"};
    private static final String[] TAGS = {"ssd", "gpu", "nvme"};
    private static final int FUNCTIONS = 6;

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomPoolsAndRequests_keepEveryRule(long seed) {
        Random random = new Random(seed);
        List<HostCapacity> pool = randomPool(random);
        PlacementWeights weights = random.nextBoolean() ? PlacementWeights.SPREAD : PlacementWeights.PACK;
        PlacementSession session = new PlacementEngine(weights).open(pool);
        PlacementRules[] rulesOf = new PlacementRules[FUNCTIONS];
        List<Map<Long, Integer>> placedOf = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            rulesOf[f] = randomRules(random);
            placedOf.add(new HashMap<>());
        }
        for (int r = 0; r < 40; r++) {
            int function = random.nextInt(FUNCTIONS);
            PlacementRequest request = new PlacementRequest(randomInstances(random), rulesOf[function],
                    placedOf.get(function));
            List<HostCapacity> before = session.hosts();

            PlacementResult result = session.place(request);

            if (result instanceof PlacementResult.Placed placed) {
                assertThat(placed.hostIds()).hasSize(request.instances().size());
                placed.hostIds().forEach(id -> placedOf.get(function).merge(id, 1, Integer::sum));
                assertEveryHostKeepsTheStaticRules(pool, placed.hostIds(), request.rules());
                assertTheGroupRulesHold(pool, placedOf.get(function), request.rules());
                assertAllocatedExactly(before, session.hosts(), request, placed.hostIds());
            } else {
                PlacementResult.NoFit noFit = (PlacementResult.NoFit) result;
                assertThat(session.hosts()).as("all or nothing").isEqualTo(before);
                assertThat(noFit.rejections().stream().mapToInt(Rejection::hosts).sum()).isEqualTo(pool.size());
                if (request.instances().size() == 1 && !request.rules().tracksGroup()) {
                    assertThat(before).as("a single instance is refused only when no host could take it")
                            .noneMatch(h -> couldTake(h, request.instances().get(0), request.rules()));
                }
            }
            assertThat(session.hosts()).allMatch(PlacementInvariants::withinLimits, "within limits");
        }
    }

    private static void assertEveryHostKeepsTheStaticRules(List<HostCapacity> pool, List<Long> hostIds,
                                                            PlacementRules rules) {
        Map<Long, HostCapacity> byId = PlacementInvariants.byId(pool);
        for (long id : hostIds) {
            HostCapacity host = byId.get(id);
            assertThat(host.state()).isEqualTo("ACTIVE");
            assertThat(keepsStaticRules(host, rules)).as("host %s keeps %s", id, rules).isTrue();
        }
    }

    private static void assertTheGroupRulesHold(List<HostCapacity> pool, Map<Long, Integer> placed,
                                                PlacementRules rules) {
        Map<Long, HostCapacity> byId = PlacementInvariants.byId(pool);
        Map<String, Integer> perDomain = new HashMap<>();
        placed.forEach((id, count) -> perDomain.merge(byId.get(id).faultDomain(), count, Integer::sum));
        if (rules.affinity()) {
            assertThat(perDomain).as("affinity: one fault domain").hasSize(1);
        }
        if (rules.spread() == Spread.HARD) {
            Set<String> usable = new HashSet<>();
            pool.stream().filter(h -> h.state().equals("ACTIVE") && keepsStaticRules(h, rules))
                    .forEach(h -> usable.add(h.faultDomain()));
            assertThat(usable).containsAll(perDomain.keySet());
            int most = usable.stream().mapToInt(d -> perDomain.getOrDefault(d, 0)).max().orElse(0);
            int fewest = usable.stream().mapToInt(d -> perDomain.getOrDefault(d, 0)).min().orElse(0);
            assertThat(most - fewest).as("hard spread: skew across usable fault domains").isLessThanOrEqualTo(1);
        }
    }

    private static void assertAllocatedExactly(List<HostCapacity> before, List<HostCapacity> after,
                                               PlacementRequest request, List<Long> hostIds) {
        Map<Long, Long> vcpu = new HashMap<>();
        for (int i = 0; i < hostIds.size(); i++) {
            vcpu.merge(hostIds.get(i), (long) request.instances().get(i).vcpu(), Long::sum);
        }
        for (int h = 0; h < before.size(); h++) {
            long added = after.get(h).allocVcpu() - before.get(h).allocVcpu();
            assertThat(added).isEqualTo(vcpu.getOrDefault(before.get(h).hostId(), 0L));
        }
    }

    private static boolean couldTake(HostCapacity h, Demand d, PlacementRules rules) {
        return h.state().equals("ACTIVE") && keepsStaticRules(h, rules)
                && h.allocVcpu() + d.vcpu() <= h.vcpuLimit()
                && h.allocMemoryMib() + d.memoryMib() <= h.memoryLimitMib()
                && h.allocDiskGib() + d.diskGib() <= h.diskLimitGib();
    }

    private static boolean keepsStaticRules(HostCapacity h, PlacementRules rules) {
        return (rules.hypervisorType() == null || rules.hypervisorType().equals(h.hypervisorType()))
                && h.tags().containsAll(rules.requiredTags())
                && (rules.maxCpuOvercommit() == 0 || h.cpuOvercommit() <= rules.maxCpuOvercommit());
    }

    private static List<HostCapacity> randomPool(Random random) {
        int size = 5 + random.nextInt(40);
        int domains = 1 + random.nextInt(6);
        List<HostCapacity> pool = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            long vcpu = 8 + random.nextInt(57);
            long memory = 8192L * (1 + random.nextInt(32));
            long disk = 100L * (1 + random.nextInt(20));
            Set<String> tags = new HashSet<>();
            for (String tag : TAGS) {
                if (random.nextInt(3) == 0) {
                    tags.add(tag);
                }
            }
            pool.add(new HostCapacity(i, "h" + i, STATES[random.nextInt(STATES.length)],
                    HYPERVISORS[random.nextInt(HYPERVISORS.length)], "fd-" + random.nextInt(domains), tags,
                    1.0 + random.nextInt(4), vcpu, memory, disk, random.nextInt((int) vcpu / 2),
                    random.nextLong(memory / 2), random.nextLong(disk / 2)));
        }
        return pool;
    }

    private static PlacementRules randomRules(Random random) {
        Spread spread = Spread.values()[random.nextInt(3)];
        boolean affinity = spread != Spread.HARD && random.nextInt(4) == 0;
        Set<String> tags = random.nextInt(3) == 0 ? Set.of(TAGS[random.nextInt(TAGS.length)]) : Set.of();
        String hypervisor = random.nextInt(3) == 0 ? "KVM" : null;
        double overcommit = random.nextInt(3) == 0 ? 2.0 : 0;
        return new PlacementRules(spread, affinity, tags, hypervisor, overcommit);
    }

    private static List<Demand> randomInstances(Random random) {
        int count = random.nextInt(4) == 0 ? 1 + random.nextInt(12) : 1;
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            demands.add(new Demand(1 + random.nextInt(8), 1024L * (1 + random.nextInt(32)), random.nextInt(200)));
        }
        return demands;
    }
}
