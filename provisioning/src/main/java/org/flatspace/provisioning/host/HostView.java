package org.flatspace.provisioning.host;

/** A host with its capacity and what is allocated on it. For administrators only. */
public record HostView(long id, String name, String uri, HypervisorType type, HostState state, int cpus,
                       long memoryMib, long diskGib, double cpuOvercommit, String faultDomain, int allocVcpu,
                       long allocMemoryMib, long allocDiskGib) {

    /** vCPU the host may hand out: its CPUs times its overcommit ratio. */
    public int vcpuLimit() {
        return (int) Math.floor(cpus * cpuOvercommit);
    }
}
