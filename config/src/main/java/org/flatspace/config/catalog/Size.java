package org.flatspace.config.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "size")
class Size {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private int vcpu;

    @Column(name = "memory_mib")
    private long memoryMib;

    @Column(name = "disk_gib")
    private long diskGib;

    protected Size() {
    }

    Size(String name, int vcpu, long memoryMib, long diskGib) {
        this.name = name;
        this.vcpu = vcpu;
        this.memoryMib = memoryMib;
        this.diskGib = diskGib;
    }

    SizeInfo toInfo() {
        return new SizeInfo(id, name, vcpu, memoryMib, diskGib);
    }
}
