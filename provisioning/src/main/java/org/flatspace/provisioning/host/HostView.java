package org.flatspace.provisioning.host;

import java.util.Set;

import org.flatspace.provisioning.placement.HostCapacity;

/** A host with its capacity and what is allocated on it. For administrators only. */
public record HostView(long id, String name, String uri, HypervisorType type, HostState state, int cpus,
                       long memoryMib, long diskGib, double cpuOvercommit, String faultDomain, int allocVcpu,
                       long allocMemoryMib, long allocDiskGib, double memoryOvercommit, double diskOvercommit,
                       HostOverhead reserved, Set<String> tags) {

    /** vCPU the host may hand out: its CPUs less its own, times its CPU overcommit ratio. */
    public int vcpuLimit() {
        return (int) HostCapacity.limit(cpus, reserved.cpus(), cpuOvercommit);
    }

    /** Memory the host may hand out: its memory less its own, times its memory overcommit ratio. */
    public long memoryLimitMib() {
        return HostCapacity.limit(memoryMib, reserved.memoryMib(), memoryOvercommit);
    }

    /** Disk the host may hand out: its disk less its own, times its disk overcommit ratio. */
    public long diskLimitGib() {
        return HostCapacity.limit(diskGib, reserved.diskGib(), diskOvercommit);
    }
}
