package org.flatspace.provisioning.placement;

/**
 * One host as placement sees it: what it may hold (CPU already multiplied by its overcommit ratio)
 * and what is allocated on it now.
 */
public record HostCapacity(long hostId, String name, boolean active, int vcpuLimit, long memoryMib, long diskGib,
                           int allocVcpu, long allocMemoryMib, long allocDiskGib) {

    boolean fits(Demand d) {
        return allocVcpu + d.vcpu() <= vcpuLimit
                && allocMemoryMib + d.memoryMib() <= memoryMib
                && allocDiskGib + d.diskGib() <= diskGib;
    }

    HostCapacity with(Demand d) {
        return new HostCapacity(hostId, name, active, vcpuLimit, memoryMib, diskGib, allocVcpu + d.vcpu(),
                allocMemoryMib + d.memoryMib(), allocDiskGib + d.diskGib());
    }
}
