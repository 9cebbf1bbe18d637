package org.flatspace.config.quota;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Team quotas: limits, and the reservations that requests hold against them from submission until
 * they are released. Every change is one conditional UPDATE, never read-then-write, so it stays
 * right when requests race on one node or on several.
 *
 * <p>Reservations are keyed by the caller (a request's key), which makes every call idempotent: a
 * retried reserve, allocate or release changes nothing the second time. Callers: the capacity
 * request workflow (reserve, allocate, release) and administrators (limits). A change of limits
 * that names who made it is audited ({@code quota.set}, {@code quota.raise}).
 */
@Service
@Transactional
public class QuotaService {

    private final JdbcClient jdbc;
    private final QuotaRow row;
    private final AuditService audit;

    QuotaService(JdbcClient jdbc, QuotaRow row, AuditService audit) {
        this.jdbc = jdbc;
        this.row = row;
        this.audit = audit;
    }

    /** An administrator sets a team's limits; audited with the limits before and after. */
    public void setLimits(String by, long teamId, Resources limits) {
        Resources before = usage(teamId).limits();
        setLimits(teamId, limits);
        audit.record(by, null, "quota.set", teamObject(teamId), AuditOutcome.SUCCESS, changes(before, limits));
    }

    /** Limits grow, e.g. when an administrator grants a quota increase; audited with the limits before and after. */
    public void raiseLimits(String by, long teamId, Resources extra, String why) {
        Resources before = usage(teamId).limits();
        raiseLimits(teamId, extra);
        audit.record(by, null, "quota.raise", teamObject(teamId), AuditOutcome.SUCCESS,
                changes(before, usage(teamId).limits()) + (why == null || why.isBlank() ? "" : " (" + why + ")"));
    }

    /** Sets a team's limits; usage stays as it is, even above the new limits. */
    public void setLimits(long teamId, Resources limits) {
        int updated = jdbc.sql("""
                        update quota set limit_vcpu = :vcpu, limit_memory_mib = :memory, limit_disk_gib = :disk,
                          limit_instances = :instances where team_id = :team""")
                .paramSource(params(teamId, limits)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into quota (team_id, limit_vcpu, limit_memory_mib, limit_disk_gib, limit_instances)
                            values (:team, :vcpu, :memory, :disk, :instances)""")
                    .paramSource(params(teamId, limits)).update();
        }
    }

    /** Adds to a team's limits in one update, so that concurrent increases add up. */
    public void raiseLimits(long teamId, Resources extra) {
        int updated = jdbc.sql("""
                        update quota set limit_vcpu = limit_vcpu + :vcpu, limit_memory_mib = limit_memory_mib + :memory,
                          limit_disk_gib = limit_disk_gib + :disk, limit_instances = limit_instances + :instances
                        where team_id = :team""")
                .paramSource(params(teamId, extra)).update();
        if (updated == 0) {
            setLimits(teamId, extra);
        }
    }

    @Transactional(readOnly = true)
    public QuotaUsage usage(long teamId) {
        return jdbc.sql("select * from quota where team_id = :team").param("team", teamId)
                .query((rs, n) -> new QuotaUsage(teamId,
                        new Resources(rs.getInt("limit_vcpu"), rs.getLong("limit_memory_mib"),
                                rs.getLong("limit_disk_gib"), rs.getInt("limit_instances")),
                        new Resources(rs.getInt("alloc_vcpu"), rs.getLong("alloc_memory_mib"),
                                rs.getLong("alloc_disk_gib"), rs.getInt("alloc_instances")),
                        new Resources(rs.getInt("resv_vcpu"), rs.getLong("resv_memory_mib"),
                                rs.getLong("resv_disk_gib"), rs.getInt("resv_instances"))))
                .optional()
                .orElse(new QuotaUsage(teamId, Resources.NONE, Resources.NONE, Resources.NONE));
    }

    /**
     * Reserves resources for the team under the given key if they fit its free quota, all or
     * nothing. Calling it again with the same key returns the first answer's grant without
     * reserving twice.
     *
     * <p>The reservation commits at once, on its own, so that the team's quota row is not held
     * locked for the rest of the caller's transaction; if the caller's transaction then rolls back,
     * the reservation made by this call is released again (a crash in between leaves a reservation
     * whose owner never committed: {@link #reservedBefore} finds those for the owner to sweep).
     */
    public Reservation reserve(long teamId, String key, Resources wanted) {
        boolean reserved;
        try {
            reserved = row.reserve(teamId, key, wanted);
        } catch (DuplicateKeyException e) {
            reserved = false; // rolled back: the key holds a reservation already, read below
        }
        if (!reserved) {
            // a retry of a reservation made before (the key exists) is not a new one, even when
            // the quota is full now; only on this rarer path is the key looked up
            Optional<String> state = stateOf(key);
            if (state.isPresent()) {
                if (QuotaRow.RELEASED.equals(state.get())) {
                    throw new IllegalStateException("Reservation " + key + " was released and cannot be reserved again");
                }
                return Reservation.granted(key);
            }
            return Reservation.refused(key, shortfalls(usage(teamId), wanted));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        row.release(key);
                    }
                }
            });
        }
        return Reservation.granted(key);
    }

    /**
     * Turns a reservation into an allocation once its capacity runs. Idempotent; commits at once
     * (a caller that rolls back and retries finds it done; one that gives up releases it).
     */
    public void allocate(String key) {
        row.allocate(key);
    }

    /** Gives back whatever the key holds, reserved or allocated. Idempotent. */
    public void release(String key) {
        row.release(key);
    }

    /** Keys still RESERVED that were reserved before the given instant, oldest first. */
    @Transactional(readOnly = true)
    public List<String> reservedBefore(Instant before) {
        return jdbc.sql("""
                        select reservation_key from quota_reservation where state = :state and created_at < :before
                        order by created_at""")
                .param("state", QuotaRow.RESERVED).param("before", Timestamp.from(before))
                .query(String.class).list();
    }

    /** Counts the team's usage again from its reservations and sets it beside the stored usage. */
    @Transactional(readOnly = true)
    public QuotaRecount recount(long teamId) {
        QuotaUsage stored = usage(teamId);
        return new QuotaRecount(teamId, stored.allocated(), counted(teamId, QuotaRow.ALLOCATED), stored.reserved(),
                counted(teamId, QuotaRow.RESERVED));
    }

    private Resources counted(long teamId, String state) {
        return jdbc.sql("""
                        select coalesce(sum(vcpu), 0) v, coalesce(sum(memory_mib), 0) m, coalesce(sum(disk_gib), 0) d,
                          coalesce(sum(instances), 0) i
                        from quota_reservation where team_id = :team and state = :state""")
                .param("team", teamId).param("state", state)
                .query((rs, n) -> new Resources(rs.getInt("v"), rs.getLong("m"), rs.getLong("d"), rs.getInt("i")))
                .single();
    }

    /** RESERVED, ALLOCATED or RELEASED; empty if the key never reserved anything. */
    @Transactional(readOnly = true)
    public Optional<String> stateOf(String key) {
        return jdbc.sql("select state from quota_reservation where reservation_key = :key")
                .param("key", key).query(String.class).optional();
    }

    private static List<QuotaShortfall> shortfalls(QuotaUsage usage, Resources wanted) {
        List<QuotaShortfall> result = new ArrayList<>();
        addIfShort(result, "vCPU", wanted.vcpu(), usage.freeVcpu());
        addIfShort(result, "MiB memory", wanted.memoryMib(), usage.freeMemoryMib());
        addIfShort(result, "GiB disk", wanted.diskGib(), usage.freeDiskGib());
        addIfShort(result, "instances", wanted.instances(), usage.freeInstances());
        return result;
    }

    private static void addIfShort(List<QuotaShortfall> result, String resource, long wanted, long free) {
        if (wanted > free) {
            result.add(new QuotaShortfall(resource, wanted, free));
        }
    }

    private String teamObject(long teamId) {
        return "team:" + jdbc.sql("select name from team where id = :team").param("team", teamId).query(String.class)
                .optional().orElse(String.valueOf(teamId));
    }

    /** "vCPU 8 -> 16, memory 16384 -> 32768 MiB", only what changed ("unchanged" when nothing did). */
    static String changes(Resources before, Resources after) {
        List<String> changed = new ArrayList<>();
        change(changed, "vCPU ", before.vcpu(), after.vcpu(), "");
        change(changed, "memory ", before.memoryMib(), after.memoryMib(), " MiB");
        change(changed, "disk ", before.diskGib(), after.diskGib(), " GiB");
        change(changed, "instances ", before.instances(), after.instances(), "");
        return changed.isEmpty() ? "limits unchanged" : String.join(", ", changed);
    }

    private static void change(List<String> changed, String what, long before, long after, String unit) {
        if (before != after) {
            changed.add(what + before + " -> " + after + unit);
        }
    }

    static MapSqlParameterSource params(long teamId, Resources r) {
        return new MapSqlParameterSource()
                .addValue("team", teamId).addValue("vcpu", r.vcpu()).addValue("memory", r.memoryMib())
                .addValue("disk", r.diskGib()).addValue("instances", r.instances());
    }
}
