package org.flatspace.provisioning.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first placement: each instance goes to the first active host, in the given order, that
 * still has room for it, counting the instances placed before it. All or nothing: if one instance
 * finds no host, the result is {@link PlacementResult.NoFit} with the reasons.
 */
public final class FirstFitPlacement {

    public PlacementResult place(List<HostCapacity> pool, List<Demand> demands) {
        List<HostCapacity> hosts = new ArrayList<>(pool);
        List<Long> chosen = new ArrayList<>(demands.size());
        for (Demand demand : demands) {
            int index = firstFit(hosts, demand);
            if (index < 0) {
                return new PlacementResult.NoFit(chosen.size(), demands.size(), reasons(hosts, demand));
            }
            HostCapacity host = hosts.get(index);
            hosts.set(index, host.with(demand));
            chosen.add(host.hostId());
        }
        return new PlacementResult.Placed(chosen);
    }

    private static int firstFit(List<HostCapacity> hosts, Demand demand) {
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).active() && hosts.get(i).fits(demand)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Integer> reasons(List<HostCapacity> hosts, Demand demand) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HostCapacity host : hosts) {
            counts.merge(reason(host, demand), 1, Integer::sum);
        }
        return counts;
    }

    private static String reason(HostCapacity host, Demand d) {
        if (!host.active()) {
            return "not active";
        }
        if (host.allocVcpu() + d.vcpu() > host.vcpuLimit()) {
            return "short of " + d.vcpu() + " vCPU";
        }
        if (host.allocMemoryMib() + d.memoryMib() > host.memoryMib()) {
            return "short of " + d.memoryMib() + " MiB memory";
        }
        return "short of " + d.diskGib() + " GiB disk";
    }
}
