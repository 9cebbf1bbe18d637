package org.flatspace.provisioning.placement;

import java.util.Set;

/** Builds hosts for placement tests: 16 vCPU, 64 GiB, 1 TB, active, KVM, no tags, unless told. */
final class TestHost {

    private final long id;
    private String state = HostCapacity.ACTIVE;
    private String hypervisor = "KVM";
    private String faultDomain;
    private Set<String> tags = Set.of();
    private double cpuOvercommit = 1.0;
    private long vcpu = 16;
    private long memoryMib = 65536;
    private long diskGib = 1000;
    private long allocVcpu;
    private long allocMemoryMib;
    private long allocDiskGib;

    private TestHost(long id) {
        this.id = id;
        this.faultDomain = "fd-" + id;
    }

    static TestHost host(long id) {
        return new TestHost(id);
    }

    TestHost state(String state) {
        this.state = state;
        return this;
    }

    TestHost hypervisor(String hypervisor) {
        this.hypervisor = hypervisor;
        return this;
    }

    TestHost faultDomain(String faultDomain) {
        this.faultDomain = faultDomain;
        return this;
    }

    TestHost tags(String... tags) {
        this.tags = Set.of(tags);
        return this;
    }

    TestHost cpuOvercommit(double ratio) {
        this.cpuOvercommit = ratio;
        return this;
    }

    TestHost size(long vcpu, long memoryMib, long diskGib) {
        this.vcpu = vcpu;
        this.memoryMib = memoryMib;
        this.diskGib = diskGib;
        return this;
    }

    TestHost allocated(long vcpu, long memoryMib, long diskGib) {
        this.allocVcpu = vcpu;
        this.allocMemoryMib = memoryMib;
        this.allocDiskGib = diskGib;
        return this;
    }

    HostCapacity build() {
        return new HostCapacity(id, "h" + id, state, hypervisor, faultDomain, tags, cpuOvercommit, vcpu, memoryMib,
                diskGib, allocVcpu, allocMemoryMib, allocDiskGib);
    }
}
