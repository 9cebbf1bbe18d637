package org.flatspace.provisioning.placement;

/** What one instance takes from a host. */
public record Demand(int vcpu, long memoryMib, long diskGib) {

    public Demand {
        if (vcpu < 1 || memoryMib < 1 || diskGib < 0) {
            throw new IllegalArgumentException("An instance needs at least 1 vCPU and 1 MiB of memory");
        }
    }
}
