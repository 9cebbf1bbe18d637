package org.flatspace.config.quota;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team quotas: limits, and the reservations that requests hold against them from submission until
 * they are released. Every change is one conditional UPDATE, never read-then-write, so it stays
 * right when requests race on one node or on several.
 *
 * <p>Reservations are keyed by the caller (a request's key), which makes every call idempotent: a
 * retried reserve, allocate or release changes nothing the second time. Callers: the capacity
 * request workflow (reserve, allocate, release) and administrators (limits).
 */
@Service
@Transactional
public class QuotaService {

    private static final String RESERVED = "RESERVED";
    private static final String ALLOCATED = "ALLOCATED";
    private static final String RELEASED = "RELEASED";

    private final JdbcClient jdbc;

    QuotaService(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     */
    public Reservation reserve(long teamId, String key, Resources wanted) {
        Optional<String> state = stateOf(key);
        if (state.isPresent()) {
            if (RELEASED.equals(state.get())) {
                throw new IllegalStateException("Reservation " + key + " was released and cannot be reserved again");
            }
            return Reservation.granted(key);
        }
        int updated = jdbc.sql("""
                        update quota set resv_vcpu = resv_vcpu + :vcpu, resv_memory_mib = resv_memory_mib + :memory,
                          resv_disk_gib = resv_disk_gib + :disk, resv_instances = resv_instances + :instances
                        where team_id = :team
                          and alloc_vcpu + resv_vcpu + :vcpu <= limit_vcpu
                          and alloc_memory_mib + resv_memory_mib + :memory <= limit_memory_mib
                          and alloc_disk_gib + resv_disk_gib + :disk <= limit_disk_gib
                          and alloc_instances + resv_instances + :instances <= limit_instances""")
                .paramSource(params(teamId, wanted)).update();
        if (updated == 0) {
            return Reservation.refused(key, shortfalls(usage(teamId), wanted));
        }
        jdbc.sql("""
                        insert into quota_reservation (reservation_key, team_id, vcpu, memory_mib, disk_gib, instances,
                          state, created_at, updated_at)
                        values (:key, :team, :vcpu, :memory, :disk, :instances, :state, :now, :now)""")
                .paramSource(params(teamId, wanted).addValue("key", key).addValue("state", RESERVED)
                        .addValue("now", Timestamp.from(Instant.now())))
                .update();
        return Reservation.granted(key);
    }

    /** Turns a reservation into an allocation once its capacity runs. Idempotent. */
    public void allocate(String key) {
        if (transition(key, RESERVED, ALLOCATED)) {
            moveUsage(key, "resv", -1);
            moveUsage(key, "alloc", +1);
        }
    }

    /** Gives back whatever the key holds, reserved or allocated. Idempotent. */
    public void release(String key) {
        if (transition(key, RESERVED, RELEASED)) {
            moveUsage(key, "resv", -1);
        } else if (transition(key, ALLOCATED, RELEASED)) {
            moveUsage(key, "alloc", -1);
        }
    }

    /** Counts the team's usage again from its reservations and sets it beside the stored usage. */
    @Transactional(readOnly = true)
    public QuotaRecount recount(long teamId) {
        QuotaUsage stored = usage(teamId);
        return new QuotaRecount(teamId, stored.allocated(), counted(teamId, ALLOCATED), stored.reserved(),
                counted(teamId, RESERVED));
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

    private boolean transition(String key, String from, String to) {
        return jdbc.sql("""
                        update quota_reservation set state = :to, updated_at = :now
                        where reservation_key = :key and state = :from""")
                .param("to", to).param("from", from).param("key", key)
                .param("now", Timestamp.from(Instant.now()))
                .update() == 1;
    }

    /**
     * Adds (sign +1) or subtracts (-1) the reservation's amounts to the team's alloc_ or resv_
     * columns. Reading the amounts first is safe: they never change after the reservation is made,
     * and the state transition before this call already decided that this caller moves them.
     */
    private void moveUsage(String key, String prefix, int sign) {
        MapSqlParameterSource amounts = jdbc.sql("""
                        select team_id, vcpu, memory_mib, disk_gib, instances from quota_reservation
                        where reservation_key = :key""")
                .param("key", key)
                .query((rs, n) -> new MapSqlParameterSource()
                        .addValue("team", rs.getLong("team_id"))
                        .addValue("vcpu", sign * rs.getLong("vcpu"))
                        .addValue("memory", sign * rs.getLong("memory_mib"))
                        .addValue("disk", sign * rs.getLong("disk_gib"))
                        .addValue("instances", sign * rs.getLong("instances")))
                .single();
        String sql = """
                update quota set P_vcpu = P_vcpu + :vcpu, P_memory_mib = P_memory_mib + :memory,
                  P_disk_gib = P_disk_gib + :disk, P_instances = P_instances + :instances
                where team_id = :team""".replace("P_", prefix + "_");
        jdbc.sql(sql).paramSource(amounts).update();
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

    private static MapSqlParameterSource params(long teamId, Resources r) {
        return new MapSqlParameterSource()
                .addValue("team", teamId).addValue("vcpu", r.vcpu()).addValue("memory", r.memoryMib())
                .addValue("disk", r.diskGib()).addValue("instances", r.instances());
    }
}
