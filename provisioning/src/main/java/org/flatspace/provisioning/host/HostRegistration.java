package org.flatspace.provisioning.host;

import java.util.Set;

/**
 * What an administrator says about a host when adding it to the pool. Overcommit ratios are per
 * resource; tags (features such as {@code ssd} or {@code gpu}) are what placement rules may ask
 * for.
 */
public record HostRegistration(String name, String uri, HypervisorType type, int cpus, long memoryMib,
                               long diskGib, double cpuOvercommit, String faultDomain, double memoryOvercommit,
                               double diskOvercommit, HostOverhead reserved, Set<String> tags) {

    public HostRegistration {
        reserved = reserved == null ? HostOverhead.NONE : reserved;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** A host without memory or disk overcommit, reserved overhead or tags. */
    public HostRegistration(String name, String uri, HypervisorType type, int cpus, long memoryMib, long diskGib,
                            double cpuOvercommit, String faultDomain) {
        this(name, uri, type, cpus, memoryMib, diskGib, cpuOvercommit, faultDomain, 1.0, 1.0, HostOverhead.NONE,
                Set.of());
    }
}
