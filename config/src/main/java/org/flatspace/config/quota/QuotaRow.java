package org.flatspace.config.quota;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes that lock a team's quota row, each in a transaction of its own that commits at once.
 * Every request of a team passes through that one row; inside the caller's transaction the row
 * stayed locked until the whole process step committed (policy decision, history, the job), and
 * a team's concurrent requests queued behind each other for tens of milliseconds. Here the lock
 * lasts one short transaction. {@link QuotaService} undoes a reservation whose caller rolls back.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class QuotaRow {

    static final String RESERVED = "RESERVED";
    static final String ALLOCATED = "ALLOCATED";
    static final String RELEASED = "RELEASED";

    private final JdbcClient jdbc;

    QuotaRow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves if it fits, all or nothing, and records the reservation under its key. False when it
     * does not fit; a key that exists already fails the insert with a {@code DuplicateKeyException},
     * which rolls the reservation back, for the caller to look the key up.
     */
    boolean reserve(long teamId, String key, Resources wanted) {
        int updated = jdbc.sql("""
                        update quota set resv_vcpu = resv_vcpu + :vcpu, resv_memory_mib = resv_memory_mib + :memory,
                          resv_disk_gib = resv_disk_gib + :disk, resv_instances = resv_instances + :instances
                        where team_id = :team
                          and alloc_vcpu + resv_vcpu + :vcpu <= limit_vcpu
                          and alloc_memory_mib + resv_memory_mib + :memory <= limit_memory_mib
                          and alloc_disk_gib + resv_disk_gib + :disk <= limit_disk_gib
                          and alloc_instances + resv_instances + :instances <= limit_instances""")
                .paramSource(QuotaService.params(teamId, wanted)).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into quota_reservation (reservation_key, team_id, vcpu, memory_mib, disk_gib, instances,
                          state, created_at, updated_at)
                        values (:key, :team, :vcpu, :memory, :disk, :instances, :state, :now, :now)""")
                .paramSource(QuotaService.params(teamId, wanted).addValue("key", key).addValue("state", RESERVED)
                        .addValue("now", Timestamp.from(Instant.now())))
                .update();
        return true;
    }

    /** RESERVED -> ALLOCATED: the amounts move from reserved to allocated in one statement. */
    void allocate(String key) {
        if (transition(key, RESERVED, ALLOCATED)) {
            move(key, "resv_X = resv_X - :X, alloc_X = alloc_X + :X");
        }
    }

    /** Whatever the key holds, reserved or allocated, is given back. */
    void release(String key) {
        if (transition(key, RESERVED, RELEASED)) {
            move(key, "resv_X = resv_X - :X");
        } else if (transition(key, ALLOCATED, RELEASED)) {
            move(key, "alloc_X = alloc_X - :X");
        }
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
     * Applies a change to the team's usage columns with the reservation's amounts, X standing for
     * each resource. Reading the amounts first is safe: they never change after the reservation is
     * made, and the state transition before this call already decided that this caller moves them.
     */
    private void move(String key, String change) {
        MapSqlParameterSource amounts = jdbc.sql("""
                        select team_id, vcpu, memory_mib, disk_gib, instances from quota_reservation
                        where reservation_key = :key""")
                .param("key", key)
                .query((rs, n) -> new MapSqlParameterSource()
                        .addValue("team", rs.getLong("team_id"))
                        .addValue("vcpu", rs.getLong("vcpu"))
                        .addValue("memory_mib", rs.getLong("memory_mib"))
                        .addValue("disk_gib", rs.getLong("disk_gib"))
                        .addValue("instances", rs.getLong("instances")))
                .single();
        String set = String.join(", ", java.util.stream.Stream.of("vcpu", "memory_mib", "disk_gib", "instances")
                .map(column -> change.replace("X", column)).toList());
        jdbc.sql("update quota set " + set + " where team_id = :team").paramSource(amounts).update();
    }
}
