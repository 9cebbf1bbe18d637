package org.flatspace.provisioning.host;

/** What an administrator says about a host when adding it to the pool. */
public record HostRegistration(String name, String uri, HypervisorType type, int cpus, long memoryMib,
                               long diskGib, double cpuOvercommit, String faultDomain) {
}
