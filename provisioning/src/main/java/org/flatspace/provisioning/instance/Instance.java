package org.flatspace.provisioning.instance;

import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "instance")
@DynamicUpdate
class Instance implements Persistable<UUID> {

    /**
     * True for an instance made from an order and not stored yet, so that saving it inserts at once
     * instead of first looking for a row with its id (the id is assigned, not generated).
     */
    @Transient
    private boolean unsaved;

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID id;

    @Column(name = "order_key")
    private String orderKey;

    @Column(name = "team_id")
    private long teamId;

    @Column(name = "function_id")
    private long functionId;

    private String name;

    @Column(name = "size_name")
    private String sizeName;

    private int vcpu;

    @Column(name = "memory_mib")
    private long memoryMib;

    @Column(name = "disk_gib")
    private long diskGib;

    @Enumerated(EnumType.STRING)
    private InstanceState state;

    @Column(name = "host_id")
    private Long hostId;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    // the tier's rules and mobility when the instance was ordered: migration moves it under them
    @Enumerated(EnumType.STRING)
    private Spread spread;

    private boolean affinity;

    @Column(name = "required_tags")
    private String requiredTags;

    @Column(name = "rule_hypervisor")
    private String ruleHypervisor;

    @Column(name = "max_cpu_overcommit")
    private double maxCpuOvercommit;

    @Column(name = "live_migration")
    private boolean liveMigration;

    @Column(name = "restart_on_failure")
    private boolean restartOnFailure;

    /** Set by migration only (conditional updates in provisioning.migration), never written here. */
    @Column(name = "moving_to", insertable = false, updatable = false)
    private Long movingTo;

    protected Instance() {
    }

    Instance(UUID id, ProvisionOrder order, String name) {
        this.id = id;
        this.orderKey = order.orderKey();
        this.teamId = order.teamId();
        this.functionId = order.functionId();
        this.name = name;
        this.sizeName = order.sizeName();
        this.vcpu = order.vcpu();
        this.memoryMib = order.memoryMib();
        this.diskGib = order.diskGib();
        this.state = InstanceState.PENDING;
        this.unsaved = true;
        PlacementRules rules = order.rules();
        this.spread = rules.spread();
        this.affinity = rules.affinity();
        this.requiredTags = rules.requiredTags().isEmpty() ? null : String.join(",", new TreeSet<>(rules.requiredTags()));
        this.ruleHypervisor = rules.hypervisorType();
        this.maxCpuOvercommit = rules.maxCpuOvercommit();
        this.liveMigration = order.mobility().liveMigration();
        this.restartOnFailure = order.mobility().restartOnHostFailure();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Long hostId() {
        return hostId;
    }

    Long movingTo() {
        return movingTo;
    }

    InstanceState state() {
        return state;
    }

    Demand demand() {
        return new Demand(vcpu, memoryMib, diskGib);
    }

    void placeOn(long host) {
        this.hostId = host;
        touch();
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    @PostLoad
    @PostPersist
    void stored() {
        unsaved = false;
    }

    void running() {
        this.state = InstanceState.RUNNING;
        this.lastError = null;
        touch();
    }

    /** Off its host: FAILED or DELETED, with the host and its allocation already given back. */
    void removed(InstanceState end, String error) {
        this.state = end;
        this.hostId = null;
        this.lastError = error;
        touch();
    }

    void error(String error) {
        this.lastError = error;
        touch();
    }

    InstanceView toView(String hostName) {
        return new InstanceView(id, orderKey, teamId, name, sizeName, vcpu, memoryMib, diskGib, state, hostId,
                hostName, lastError);
    }

    private void touch() {
        updatedAt = Instant.now();
    }
}
