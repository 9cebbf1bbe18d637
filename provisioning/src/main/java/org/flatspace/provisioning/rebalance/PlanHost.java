package org.flatspace.provisioning.rebalance;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * One host in the planning model (a Timefold problem fact). {@code fixed*} is what is allocated on
 * it besides the listed instances (reservations, instances nobody listed): it never moves.
 */
final class PlanHost {

    final int index;
    @PlanningId
    final long id;
    final boolean active;
    final String hypervisorType;
    final int domain;
    final long limitVcpu;
    final long limitMemory;
    final long limitDisk;
    final long fixedVcpu;
    final long fixedMemory;
    final long fixedDisk;
    /** The dominant share of the fixed load alone, in millionths. */
    final long fixedMicroShare;

    PlanHost(int index, long id, boolean active, String hypervisorType, int domain, long[] limits, long[] fixed) {
        this.index = index;
        this.id = id;
        this.active = active;
        this.hypervisorType = hypervisorType;
        this.domain = domain;
        this.limitVcpu = limits[0];
        this.limitMemory = limits[1];
        this.limitDisk = limits[2];
        this.fixedVcpu = fixed[0];
        this.fixedMemory = fixed[1];
        this.fixedDisk = fixed[2];
        this.fixedMicroShare = microShare(0, 0, 0);
    }

    /** Whether the host offers anything at all; a host without capacity counts for no imbalance. */
    boolean hasCapacity() {
        return limitVcpu > 0 || limitMemory > 0 || limitDisk > 0;
    }

    boolean hasFixedLoad() {
        return fixedVcpu > 0 || fixedMemory > 0 || fixedDisk > 0;
    }

    /** The share of its most used resource with the given load of listed instances on top of the fixed load. */
    double dominantShare(long vcpu, long memory, long disk) {
        return Math.max(share(fixedVcpu + vcpu, limitVcpu),
                Math.max(share(fixedMemory + memory, limitMemory), share(fixedDisk + disk, limitDisk)));
    }

    /** The dominant share in millionths, so that the balance constraint sums exact integers. */
    long microShare(long vcpu, long memory, long disk) {
        return Math.round(dominantShare(vcpu, memory, disk) * PoolTotals.MICRO);
    }

    /** Whether the listed load fits within every limit. */
    boolean fits(long vcpu, long memory, long disk) {
        return fixedVcpu + vcpu <= limitVcpu && fixedMemory + memory <= limitMemory && fixedDisk + disk <= limitDisk;
    }

    private static double share(long used, long limit) {
        if (limit > 0) {
            return (double) used / limit;
        }
        // Anything on a resource the host has none of is as full as it gets.
        return used > 0 ? 1.0 : 0.0;
    }

    @Override
    public String toString() {
        return "host " + id;
    }
}
