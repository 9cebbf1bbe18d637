package org.flatspace.provisioning.host;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    @Column(name = "memory_overcommit")
    private double memoryOvercommit;

    @Column(name = "disk_overcommit")
    private double diskOvercommit;

    @Column(name = "reserved_cpus")
    private int reservedCpus;

    @Column(name = "reserved_memory_mib")
    private long reservedMemoryMib;

    @Column(name = "reserved_disk_gib")
    private long reservedDiskGib;

    /** Comma-separated and sorted; placement reads them as a set. */
    private String tags;

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
        this.memoryOvercommit = r.memoryOvercommit();
        this.diskOvercommit = r.diskOvercommit();
        this.reservedCpus = r.reserved().cpus();
        this.reservedMemoryMib = r.reserved().memoryMib();
        this.reservedDiskGib = r.reserved().diskGib();
        this.tags = String.join(",", new TreeSet<>(r.tags()));
    }

    HostView toView() {
        return new HostView(id, name, uri, type, state, cpus, memoryMib, diskGib, cpuOvercommit, faultDomain,
                allocVcpu, allocMemoryMib, allocDiskGib, memoryOvercommit, diskOvercommit,
                new HostOverhead(reservedCpus, reservedMemoryMib, reservedDiskGib), tagSet());
    }

    private Set<String> tagSet() {
        return tags == null || tags.isEmpty() ? Set.of()
                : Arrays.stream(tags.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
