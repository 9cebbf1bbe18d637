package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;

/**
 * The planning model of one request, shared by the Timefold planner and the greedy baseline: hosts
 * with their fixed load, instances where they run now with the hosts they may move to,
 * and the functions whose rules look at their instances together.
 */
final class Pool {

    final List<PlanHost> hosts;
    final List<PlanInstance> instances;
    final List<FunctionGroup> groups;
    final int domains;
    final PoolTotals totals;

    private Pool(List<PlanHost> hosts, List<PlanInstance> instances, List<FunctionGroup> groups, int domains) {
        this.hosts = hosts;
        this.instances = instances;
        this.groups = groups;
        this.domains = domains;
        this.totals = PoolTotals.of(hosts);
    }

    static Pool of(RebalanceRequest request) {
        List<HostCapacity> capacities = request.hosts();
        Map<Long, Integer> indexOf = new HashMap<>();
        Map<String, Integer> domainOf = new HashMap<>();
        int[] domain = new int[capacities.size()];
        for (int h = 0; h < capacities.size(); h++) {
            HostCapacity c = capacities.get(h);
            if (indexOf.put(c.hostId(), h) != null) {
                throw new IllegalArgumentException("Host " + c.hostId() + " is listed twice");
            }
            // A host without a fault domain is a fault domain of its own, as in placement.
            String name = c.faultDomain() == null ? "\0host-" + c.hostId() : c.faultDomain();
            domain[h] = domainOf.computeIfAbsent(name, n -> domainOf.size());
        }
        int[] sourceOf = sources(request.instances(), indexOf);
        List<PlanHost> hosts = hosts(capacities, domain, request.instances(), sourceOf);
        Map<Long, FunctionGroup> groups = groups(request.instances(), capacities, domain, domainOf.size(), sourceOf);
        Map<EligibilityKey, Eligibility> eligibilities = new HashMap<>();
        List<PlanInstance> instances = new ArrayList<>(request.instances().size());
        for (int i = 0; i < sourceOf.length; i++) {
            PlacedInstance placed = request.instances().get(i);
            PlanHost source = hosts.get(sourceOf[i]);
            EligibilityKey key = new EligibilityKey(source.hypervisorType, placed.rules());
            Eligibility eligibility = eligibilities.computeIfAbsent(key, k -> eligibility(k, capacities, hosts));
            boolean pinned = !placed.movable() || !source.active;
            instances.add(new PlanInstance(i, placed.id(), placed.functionId(), placed.demand().vcpu(),
                    placed.demand().memoryMib(), placed.demand().diskGib(), source, groups.get(placed.functionId()),
                    eligibility, pinned));
        }
        return new Pool(List.copyOf(hosts), instances, List.copyOf(groups.values()), domainOf.size());
    }

    private static int[] sources(List<PlacedInstance> instances, Map<Long, Integer> indexOf) {
        int[] sourceOf = new int[instances.size()];
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < sourceOf.length; i++) {
            PlacedInstance instance = instances.get(i);
            if (!seen.add(instance.id())) {
                throw new IllegalArgumentException("Instance " + instance.id() + " is listed twice");
            }
            Integer h = indexOf.get(instance.hostId());
            if (h == null) {
                throw new IllegalArgumentException("Instance " + instance.id() + " runs on host " + instance.hostId()
                        + ", which the request does not list");
            }
            sourceOf[i] = h;
        }
        return sourceOf;
    }

    /**
     * Fixed load: the allocation less the listed instances on the host. A negative remainder (the
     * pool changed between reading hosts and instances) counts as none, which only overstates the
     * load, so a plan stays on the safe side.
     */
    private static List<PlanHost> hosts(List<HostCapacity> capacities, int[] domain, List<PlacedInstance> instances,
                                        int[] sourceOf) {
        long[][] listed = new long[capacities.size()][3];
        for (int i = 0; i < sourceOf.length; i++) {
            long[] sum = listed[sourceOf[i]];
            sum[0] += instances.get(i).demand().vcpu();
            sum[1] += instances.get(i).demand().memoryMib();
            sum[2] += instances.get(i).demand().diskGib();
        }
        List<PlanHost> hosts = new ArrayList<>(capacities.size());
        for (int h = 0; h < capacities.size(); h++) {
            HostCapacity c = capacities.get(h);
            long[] limits = {c.vcpuLimit(), c.memoryLimitMib(), c.diskLimitGib()};
            long[] fixed = {Math.max(0, c.allocVcpu() - listed[h][0]), Math.max(0, c.allocMemoryMib() - listed[h][1]),
                    Math.max(0, c.allocDiskGib() - listed[h][2])};
            hosts.add(new PlanHost(h, c.hostId(), HostCapacity.ACTIVE.equals(c.state()), c.hypervisorType(), domain[h],
                    limits, fixed));
        }
        return hosts;
    }

    private static Map<Long, FunctionGroup> groups(List<PlacedInstance> instances, List<HostCapacity> capacities,
                                                   int[] domain, int domains, int[] sourceOf) {
        Map<Long, PlacementRules> rulesOf = new LinkedHashMap<>();
        Map<Long, int[]> perDomain = new HashMap<>();
        for (int i = 0; i < sourceOf.length; i++) {
            PlacedInstance instance = instances.get(i);
            PlacementRules first = rulesOf.putIfAbsent(instance.functionId(), instance.rules());
            if (first != null && (first.spread() != instance.rules().spread()
                    || first.affinity() != instance.rules().affinity())) {
                throw new IllegalArgumentException("The instances of function " + instance.functionId()
                        + " disagree on its spread or affinity rule");
            }
            perDomain.computeIfAbsent(instance.functionId(), f -> new int[domains])[domain[sourceOf[i]]]++;
        }
        Map<Long, FunctionGroup> groups = new LinkedHashMap<>();
        rulesOf.forEach((functionId, rules) -> {
            if (rules.spread() == Spread.HARD || rules.affinity()) {
                boolean[] usable = new boolean[domains];
                for (int h = 0; h < capacities.size(); h++) {
                    usable[domain[h]] |= StaticRules.pass(capacities.get(h), rules);
                }
                groups.put(functionId, new FunctionGroup(functionId, rules.spread() == Spread.HARD, rules.affinity(),
                        usable, perDomain.get(functionId)));
            }
        });
        return groups;
    }

    private static Eligibility eligibility(EligibilityKey key, List<HostCapacity> capacities, List<PlanHost> hosts) {
        List<PlanHost> targets = new ArrayList<>();
        for (int h = 0; h < capacities.size(); h++) {
            HostCapacity c = capacities.get(h);
            if (Objects.equals(c.hypervisorType(), key.hypervisorType()) && StaticRules.pass(c, key.rules())) {
                targets.add(hosts.get(h));
            }
        }
        return new Eligibility(targets);
    }

    /** Instances with the same rules on the same hypervisor type may move to the same hosts. */
    private record EligibilityKey(String hypervisorType, PlacementRules rules) {
    }
}
