package org.flatspace.provisioning.host;

/**
 * What a host keeps for itself (its operating system, the hypervisor's own processes) and never
 * hands to instances. It is taken off the capacity before any overcommit ratio applies.
 */
public record HostOverhead(int cpus, long memoryMib, long diskGib) {

    public static final HostOverhead NONE = new HostOverhead(0, 0, 0);

    public HostOverhead {
        if (cpus < 0 || memoryMib < 0 || diskGib < 0) {
            throw new IllegalArgumentException("A host's reserved overhead cannot be negative");
        }
    }
}
