package org.flatspace.workflows.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.quota.Resources;

/**
 * A capacity request. It keeps a copy of the size's shape as it was when the request was made, so
 * a later change to the catalog does not change what was asked for.
 */
@Entity
@Table(name = "capacity_request")
class CapacityRequest {

    /** Quota reservations and instance names of a request start with it. */
    static final String KEY_PREFIX = "request-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "team_id")
    private long teamId;

    private String requester;

    @Column(name = "function_id")
    private long functionId;

    @Column(name = "function_name")
    private String functionName;

    @Column(name = "tier_name")
    private String tierName;

    @Column(name = "team_name")
    private String teamName;

    @Column(name = "size_name")
    private String sizeName;

    private int vcpu;

    @Column(name = "memory_mib")
    private long memoryMib;

    @Column(name = "disk_gib")
    private long diskGib;

    @Column(name = "instance_count")
    private int count;

    @Column(name = "lease_end")
    private LocalDate leaseEnd;

    private String reason;

    @Enumerated(EnumType.STRING)
    private RequestStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CapacityRequest() {
    }

    CapacityRequest(long teamId, String teamName, String requester, FunctionInfo function, SizeInfo size, int count,
                    LocalDate leaseEnd, String reason) {
        this.teamId = teamId;
        this.teamName = teamName;
        this.tierName = function.tier().name();
        this.requester = requester;
        this.functionId = function.id();
        this.functionName = function.name();
        this.sizeName = size.name();
        this.vcpu = size.vcpu();
        this.memoryMib = size.memoryMib();
        this.diskGib = size.diskGib();
        this.count = count;
        this.leaseEnd = leaseEnd;
        this.reason = reason;
        this.status = RequestStatus.SUBMITTED;
        this.submittedAt = Instant.now();
        this.updatedAt = submittedAt;
    }

    long id() {
        return id;
    }

    long teamId() {
        return teamId;
    }

    String requester() {
        return requester;
    }

    long functionId() {
        return functionId;
    }

    String functionName() {
        return functionName;
    }

    String tierName() {
        return tierName;
    }

    String teamName() {
        return teamName;
    }

    LocalDate leaseEnd() {
        return leaseEnd;
    }

    String sizeName() {
        return sizeName;
    }

    int vcpu() {
        return vcpu;
    }

    long memoryMib() {
        return memoryMib;
    }

    long diskGib() {
        return diskGib;
    }

    String reason() {
        return reason;
    }

    RequestStatus status() {
        return status;
    }

    /** The key under which this request's quota reservation and instance order are kept. */
    String key() {
        return KEY_PREFIX + id;
    }

    Resources resources() {
        return Resources.of(count, vcpu, memoryMib, diskGib);
    }

    /** Instance ids derived from the request, the same on every retry: provisioning is idempotent by them. */
    List<UUID> instanceIds() {
        return IntStream.range(0, count)
                .mapToObj(i -> UUID.nameUUIDFromBytes(("flatspace:" + key() + ":instance:" + i)
                        .getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    void extendLease(LocalDate newEnd) {
        this.leaseEnd = newEnd;
        this.updatedAt = Instant.now();
    }

    void moveTo(RequestStatus next, String why) {
        this.status = next;
        this.statusReason = why;
        this.updatedAt = Instant.now();
    }

    RequestSummary toSummary() {
        return new RequestSummary(id, requester, functionId, functionName, sizeName, count, leaseEnd, status,
                statusReason, submittedAt);
    }
}
