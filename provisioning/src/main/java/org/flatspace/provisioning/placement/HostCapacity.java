package org.flatspace.provisioning.placement;

import java.util.Set;

/**
 * One host as placement sees it. The limits are what the host may hand out: its capacity less the
 * overhead reserved for the host itself, times its overcommit ratio for that resource (see
 * {@link #limit}). {@code state} is the host's state by name; only {@code ACTIVE} hosts take
 * instances.
 */
public record HostCapacity(long hostId, String name, String state, String hypervisorType, String faultDomain,
                           Set<String> tags, double cpuOvercommit, long vcpuLimit, long memoryLimitMib,
                           long diskLimitGib, long allocVcpu, long allocMemoryMib, long allocDiskGib) {

    /** The state a planner gives the host it is emptying: no placement goes there. */
    public static final String LEAVING = "LEAVING";


    public static final String ACTIVE = "ACTIVE";

    public HostCapacity {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /**
     * What a host may hand out of one resource. The overhead is taken off before the ratio
     * because the host's own processes are never overcommitted. The allocation's conditional
     * update computes the same in SQL, so both sides agree to the unit.
     */
    public static long limit(long capacity, long reserved, double overcommit) {
        return Math.max(0, (long) Math.floor((capacity - reserved) * overcommit));
    }

    /** A plain active host without tags or overhead, e.g. for tests and benchmarks. */
    public static HostCapacity plain(long hostId, String faultDomain, long vcpu, long memoryMib, long diskGib) {
        return new HostCapacity(hostId, "host-" + hostId, ACTIVE, "KVM", faultDomain, Set.of(), 1.0, vcpu, memoryMib,
                diskGib, 0, 0, 0);
    }
}
