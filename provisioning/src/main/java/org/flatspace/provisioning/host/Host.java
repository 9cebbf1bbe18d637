package org.flatspace.provisioning.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A host of the pool. Its alloc_* columns are written only by {@link PoolService}'s conditional
 * updates; JPA reads them.
 */
@Entity
@Table(name = "host")
class Host {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String uri;

    @Enumerated(EnumType.STRING)
    @Column(name = "hypervisor_type")
    private HypervisorType type;

    @Enumerated(EnumType.STRING)
    private HostState state;

    private int cpus;

    @Column(name = "memory_mib")
    private long memoryMib;

    @Column(name = "disk_gib")
    private long diskGib;

    @Column(name = "cpu_overcommit")
    private double cpuOvercommit;

    @Column(name = "fault_domain")
    private String faultDomain;

    @Column(name = "alloc_vcpu", insertable = false, updatable = false)
    private int allocVcpu;

    @Column(name = "alloc_memory_mib", insertable = false, updatable = false)
    private long allocMemoryMib;

    @Column(name = "alloc_disk_gib", insertable = false, updatable = false)
    private long allocDiskGib;

    protected Host() {
    }

    Host(HostRegistration r) {
        this.name = r.name();
        this.uri = r.uri();
        this.type = r.type();
        this.state = HostState.ACTIVE;
        this.cpus = r.cpus();
        this.memoryMib = r.memoryMib();
        this.diskGib = r.diskGib();
        this.cpuOvercommit = r.cpuOvercommit();
        this.faultDomain = r.faultDomain();
    }

    HostView toView() {
        return new HostView(id, name, uri, type, state, cpus, memoryMib, diskGib, cpuOvercommit, faultDomain,
                allocVcpu, allocMemoryMib, allocDiskGib);
    }
}
