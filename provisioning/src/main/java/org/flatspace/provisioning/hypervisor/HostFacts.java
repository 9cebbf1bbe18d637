package org.flatspace.provisioning.hypervisor;

/**
 * What a host reports about itself.
 *
 * @param cpus active CPUs
 * @param memoryKib memory in KiB
 * @param hypervisorType libvirt's driver name, e.g. "TEST" or "QEMU"
 */
public record HostFacts(int cpus, long memoryKib, String hypervisorType) {
}
