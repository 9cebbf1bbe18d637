package org.flatspace.config.quota;

/** A team's limits and what is allocated and reserved against them. */
public record QuotaUsage(long teamId, Resources limits, Resources allocated, Resources reserved) {

    public long freeVcpu() {
        return (long) limits.vcpu() - allocated.vcpu() - reserved.vcpu();
    }

    public long freeMemoryMib() {
        return limits.memoryMib() - allocated.memoryMib() - reserved.memoryMib();
    }

    public long freeDiskGib() {
        return limits.diskGib() - allocated.diskGib() - reserved.diskGib();
    }

    public long freeInstances() {
        return (long) limits.instances() - allocated.instances() - reserved.instances();
    }
}
