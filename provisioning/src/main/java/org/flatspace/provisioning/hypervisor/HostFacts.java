package org.flatspace.provisioning.hypervisor;

import java.util.Set;

/**
 * What a host reports about itself, from libvirt's node info and capabilities.
 *
 * @param cpus active CPUs
 * @param memoryKib memory in KiB
 * @param hypervisorType libvirt's driver name, e.g. "TEST" or "QEMU"
 * @param arch the host CPU's architecture, e.g. "x86_64"; empty if the host does not say
 * @param domainTypes the domain types the host can run, e.g. "qemu", "kvm"
 */
public record HostFacts(int cpus, long memoryKib, String hypervisorType, String arch, Set<String> domainTypes) {

    public HostFacts {
        domainTypes = Set.copyOf(domainTypes);
    }

    /** Memory in MiB, as hosts are registered. */
    public long memoryMib() {
        return memoryKib / 1024;
    }
}
