package org.flatspace.provisioning.placement;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What every placement must keep, checked the way an administrator would: host by host. */
final class PlacementInvariants {

    private PlacementInvariants() {
    }

    static Map<String, Long> perFaultDomain(List<HostCapacity> pool, List<Long> hostIds) {
        Map<Long, HostCapacity> byId = byId(pool);
        return hostIds.stream().collect(Collectors.groupingBy(id -> byId.get(id).faultDomain(), Collectors.counting()));
    }

    static Map<Long, HostCapacity> byId(List<HostCapacity> pool) {
        return pool.stream().collect(Collectors.toMap(HostCapacity::hostId, Function.identity()));
    }

    static boolean withinLimits(HostCapacity h) {
        return h.allocVcpu() <= h.vcpuLimit() && h.allocMemoryMib() <= h.memoryLimitMib()
                && h.allocDiskGib() <= h.diskLimitGib();
    }
}
