package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The fewest ACTIVE hosts that could hold what runs on the ACTIVE hosts now. Instances never change
 * hypervisor type, so each type is bounded on its own and the bounds add up. Within a type, each of
 * two bounds holds, so their maximum does:
 * <ul>
 * <li>per resource, the fewest of the type's hosts, largest limits first, whose limits add up to the
 * total load (with identical hosts: total / limit, rounded up);</li>
 * <li>the hosts that cannot be emptied: they hold a pinned instance or load nobody listed.</li>
 * </ul>
 */
final class LowerBound {

    private LowerBound() {
    }

    static int hostsNeeded(Pool pool) {
        Map<String, List<PlanHost>> byType = new HashMap<>();
        for (PlanHost host : pool.hosts) {
            if (host.active) {
                byType.computeIfAbsent(Objects.toString(host.hypervisorType), t -> new ArrayList<>()).add(host);
            }
        }
        Ledger now = new Ledger(pool, 0);
        int needed = 0;
        for (List<PlanHost> hosts : byType.values()) {
            long[] load = new long[3];
            int stuck = 0;
            for (PlanHost host : hosts) {
                load[0] += host.fixedVcpu;
                load[1] += host.fixedMemory;
                load[2] += host.fixedDisk;
                boolean pinned = host.hasFixedLoad();
                for (PlanInstance instance : now.instancesOn(host)) {
                    load[0] += instance.vcpu;
                    load[1] += instance.memory;
                    load[2] += instance.disk;
                    pinned |= instance.pinned;
                }
                stuck += pinned ? 1 : 0;
            }
            int bound = Math.max(stuck, fewestHolding(hosts, load[0], h -> h.limitVcpu));
            bound = Math.max(bound, fewestHolding(hosts, load[1], h -> h.limitMemory));
            needed += Math.max(bound, fewestHolding(hosts, load[2], h -> h.limitDisk));
        }
        return needed;
    }

    /** The fewest hosts, largest first, whose limits add up to the load; all of them if they never do. */
    private static int fewestHolding(List<PlanHost> hosts, long load, ToLongFunction<PlanHost> limit) {
        if (load <= 0) {
            return 0;
        }
        long[] limits = hosts.stream().mapToLong(limit).boxed().sorted(Comparator.reverseOrder())
                .mapToLong(Long::longValue).toArray();
        long sum = 0;
        for (int k = 0; k < limits.length; k++) {
            sum += limits[k];
            if (sum >= load) {
                return k + 1;
            }
        }
        return limits.length;
    }
}
