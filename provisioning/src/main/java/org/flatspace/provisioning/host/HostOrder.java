package org.flatspace.provisioning.host;

/** What a page of hosts can be sorted by (then by name). */
public enum HostOrder {
    NAME("name"),
    TYPE("type"),
    STATE("state"),
    FAULT_DOMAIN("faultDomain"),
    VCPU_USED("allocVcpu"),
    MEMORY_USED("allocMemoryMib"),
    DISK_USED("allocDiskGib");

    private final String property;

    HostOrder(String property) {
        this.property = property;
    }

    String property() {
        return property;
    }
}
