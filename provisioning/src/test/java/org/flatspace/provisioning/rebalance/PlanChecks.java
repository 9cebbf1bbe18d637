package org.flatspace.provisioning.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementEngine;
import org.flatspace.provisioning.placement.PlacementRequest;
import org.flatspace.provisioning.placement.PlacementResult;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.PlacementWeights;
import org.flatspace.provisioning.placement.Spread;

/**
 * Checks a plan against the request the way an administrator would, without the planner's model:
 * the moves run one by one on the hosts as given, and after each one the target must pass
 * placement's own filters (replayed through {@link PlacementEngine} on that host alone: state,
 * hypervisor type, CPU overcommit, tags, room), keep the source's hypervisor type, and the
 * function's spread and affinity are counted afresh. Public for the benchmark, which checks its
 * plans the same way.
 */
public final class PlanChecks {

    private final RebalanceRequest request;
    private final Map<Long, HostCapacity> hosts = new HashMap<>();
    private final Map<UUID, PlacedInstance> instances;
    private final Map<UUID, Long> hostOf = new HashMap<>();

    public PlanChecks(RebalanceRequest request) {
        this.request = request;
        request.hosts().forEach(h -> hosts.put(h.hostId(), h));
        instances = request.instances().stream().collect(Collectors.toMap(PlacedInstance::id, Function.identity()));
        request.instances().forEach(i -> hostOf.put(i.id(), i.hostId()));
    }

    /** Replays the plan and fails at the first move that breaks a rule. Returns the hosts after the plan. */
    public Map<Long, HostCapacity> replay(RebalancePlan plan) {
        assertThat(plan.moves()).as("moves within the budget").hasSizeLessThanOrEqualTo(request.maxMigrations());
        Set<UUID> moved = new HashSet<>();
        Map<Long, Integer> allowedSkew = new HashMap<>();
        request.instances().forEach(i -> allowedSkew.computeIfAbsent(i.functionId(), f -> Math.max(1, skew(f))));
        for (Move move : plan.moves()) {
            PlacedInstance instance = instances.get(move.instanceId());
            assertThat(instance).as("a listed instance").isNotNull();
            assertThat(moved.add(move.instanceId())).as("each instance moves once: " + move).isTrue();
            assertThat(instance.movable()).as("only movable instances move: " + move).isTrue();
            assertThat(move.fromHostId()).as("moves from where it runs: " + move).isEqualTo(instance.hostId());
            HostCapacity from = hosts.get(move.fromHostId());
            HostCapacity to = hosts.get(move.toHostId());
            assertThat(from.state()).as("instances on hosts out of service stay: " + move)
                    .isEqualTo(HostCapacity.ACTIVE);
            assertThat(to.hypervisorType()).as("live migration keeps the hypervisor type: " + move)
                    .isEqualTo(from.hypervisorType());
            assertThat(passesPlacementFilters(instance, to)).as("target passes placement's filters: " + move)
                    .isTrue();
            hosts.put(from.hostId(), with(from, instance, -1));
            hosts.put(to.hostId(), with(to, instance, +1));
            hostOf.put(instance.id(), to.hostId());
            if (instance.rules().spread() == Spread.HARD) {
                assertThat(skew(instance.functionId())).as("hard spread kept after " + move)
                        .isLessThanOrEqualTo(allowedSkew.get(instance.functionId()));
            }
            if (instance.rules().affinity()) {
                assertThat(ranInitiallyIn(instance.functionId())).as("affinity kept: " + move)
                        .contains(to.faultDomain());
            }
        }
        return hosts;
    }

    /** The standard deviation of the dominant shares of the ACTIVE hosts with capacity, from scratch. */
    public static double imbalance(Collection<HostCapacity> hosts) {
        double[] shares = hosts.stream()
                .filter(h -> HostCapacity.ACTIVE.equals(h.state()))
                .filter(h -> h.vcpuLimit() > 0 || h.memoryLimitMib() > 0 || h.diskLimitGib() > 0)
                .mapToDouble(h -> Math.max(share(h.allocVcpu(), h.vcpuLimit()), Math.max(
                        share(h.allocMemoryMib(), h.memoryLimitMib()), share(h.allocDiskGib(), h.diskLimitGib()))))
                .toArray();
        double mean = Arrays.stream(shares).average().orElse(0);
        return Math.sqrt(Arrays.stream(shares).map(s -> (s - mean) * (s - mean)).average().orElse(0));
    }

    public static long emptyHosts(Collection<HostCapacity> hosts) {
        return hosts.stream().filter(h -> HostCapacity.ACTIVE.equals(h.state()))
                .filter(h -> h.allocVcpu() == 0 && h.allocMemoryMib() == 0 && h.allocDiskGib() == 0).count();
    }

    private static double share(long used, long limit) {
        return limit > 0 ? (double) used / limit : (used > 0 ? 1 : 0);
    }

    /** Placement's filters on the target alone, before the instance is on it. */
    private boolean passesPlacementFilters(PlacedInstance instance, HostCapacity target) {
        PlacementRules rules = instance.rules();
        PlacementRules withoutGroup = new PlacementRules(Spread.NONE, false, rules.requiredTags(),
                rules.hypervisorType(), rules.maxCpuOvercommit());
        PlacementResult result = new PlacementEngine(PlacementWeights.SPREAD).place(List.of(target),
                PlacementRequest.of(1, instance.demand(), withoutGroup));
        return result instanceof PlacementResult.Placed;
    }

    /** Kubernetes' skew over the usable fault domains, counted from scratch. */
    private int skew(long functionId) {
        PlacementRules rules = request.instances().stream().filter(i -> i.functionId() == functionId).findFirst()
                .orElseThrow().rules();
        Map<String, Integer> perDomain = new HashMap<>();
        for (HostCapacity h : request.hosts()) {
            if (usable(h, rules)) {
                perDomain.put(h.faultDomain(), 0);
            }
        }
        for (PlacedInstance i : request.instances()) {
            String domain = hosts.get(hostOf.get(i.id())).faultDomain();
            if (i.functionId() == functionId && perDomain.containsKey(domain)) {
                perDomain.merge(domain, 1, Integer::sum);
            }
        }
        if (perDomain.isEmpty()) {
            return 0;
        }
        List<Integer> counts = new ArrayList<>(perDomain.values());
        return counts.stream().mapToInt(Integer::intValue).max().orElseThrow()
                - counts.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    private static boolean usable(HostCapacity h, PlacementRules rules) {
        return HostCapacity.ACTIVE.equals(h.state())
                && (rules.hypervisorType() == null || rules.hypervisorType().equals(h.hypervisorType()))
                && (rules.maxCpuOvercommit() == 0 || h.cpuOvercommit() <= rules.maxCpuOvercommit())
                && h.tags().containsAll(rules.requiredTags());
    }

    private Set<String> ranInitiallyIn(long functionId) {
        return request.instances().stream().filter(i -> i.functionId() == functionId)
                .map(i -> faultDomainOf(i.hostId())).collect(Collectors.toSet());
    }

    private String faultDomainOf(long hostId) {
        return request.hosts().stream().filter(h -> h.hostId() == hostId).findFirst().orElseThrow().faultDomain();
    }

    private static HostCapacity with(HostCapacity h, PlacedInstance i, int sign) {
        return new HostCapacity(h.hostId(), h.name(), h.state(), h.hypervisorType(), h.faultDomain(), h.tags(),
                h.cpuOvercommit(), h.vcpuLimit(), h.memoryLimitMib(), h.diskLimitGib(),
                h.allocVcpu() + sign * i.demand().vcpu(), h.allocMemoryMib() + sign * i.demand().memoryMib(),
                h.allocDiskGib() + sign * i.demand().diskGib());
    }
}
