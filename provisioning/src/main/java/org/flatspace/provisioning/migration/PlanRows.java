package org.flatspace.provisioning.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flatspace.provisioning.host.HostView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plans and their moves in the database; state changes are conditional on the state they leave. */
@Repository
class PlanRows {

    private final JdbcClient jdbc;

    PlanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPlan(PlanKind kind, Long hostId, String requestedBy, String summary) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into migration_plan (kind, host_id, state, requested_by, summary, created_at, updated_at)
                        values (:kind, :host, 'PROPOSED', :by, :summary, :now, :now)""")
                .param("kind", kind.name()).param("host", hostId).param("by", requestedBy)
                .param("summary", summary).param("now", now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertMove(long planId, int position, MovableInstance instance, long fromHost, Long toHost,
                    MoveMethod method, MoveStatus status, String reason) {
        jdbc.sql("""
                        insert into migration_move (plan_id, position, instance_id, instance_name, from_host, to_host,
                          method, status, reason)
                        values (:plan, :position, :instance, :name, :from, :to, :method, :status, :reason)""")
                .param("plan", planId).param("position", position).param("instance", instance.id().toString())
                .param("name", instance.name()).param("from", fromHost).param("to", toHost)
                .param("method", method.name()).param("status", status.name()).param("reason", truncate(reason))
                .update();
    }

    boolean changeState(long planId, PlanState from, PlanState to) {
        return jdbc.sql("update migration_plan set state = :to, updated_at = :now where id = :id and state = :from")
                .param("id", planId).param("from", from.name()).param("to", to.name()).param("now", now())
                .update() == 1;
    }

    Optional<PlanState> state(long planId) {
        return jdbc.sql("select state from migration_plan where id = :id").param("id", planId)
                .query((rs, n) -> PlanState.valueOf(rs.getString(1))).optional();
    }

    /** Takes up to {@code count} planned moves, in order, and marks them RUNNING. */
    List<Long> takePlanned(long planId, int count) {
        List<Long> ids = jdbc.sql("""
                        select id from migration_move where plan_id = :plan and status = 'PLANNED'
                        order by position limit :count""")
                .param("plan", planId).param("count", count).query(Long.class).list();
        return ids.stream().filter(id -> jdbc.sql("""
                        update migration_move set status = 'RUNNING', started_at = :now
                        where id = :id and status = 'PLANNED'""")
                .param("id", id).param("now", now()).update() == 1).toList();
    }

    void retarget(long moveId, long toHost) {
        jdbc.sql("update migration_move set to_host = :to where id = :id").param("id", moveId).param("to", toHost)
                .update();
    }

    void finishMove(long moveId, MoveStatus status, MoveMethod method, String reason, Duration took,
                    Duration downtime) {
        jdbc.sql("""
                        update migration_move set status = :status, method = coalesce(:method, method), reason = :reason,
                          took_ms = :took, downtime_ms = :downtime, finished_at = :now
                        where id = :id""")
                .param("id", moveId).param("status", status.name()).param("method", method == null ? null : method.name())
                .param("reason", truncate(reason)).param("took", took == null ? null : took.toMillis())
                .param("downtime", downtime == null ? null : downtime.toMillis()).param("now", now())
                .update();
    }

    void skipPlanned(long planId) {
        jdbc.sql("""
                        update migration_move set status = 'SKIPPED', reason = 'the plan was cancelled first'
                        where plan_id = :plan and status = 'PLANNED'""")
                .param("plan", planId).update();
    }

    int countMoves(long planId, MoveStatus status) {
        return jdbc.sql("select count(*) from migration_move where plan_id = :plan and status = :status")
                .param("plan", planId).param("status", status.name()).query(Integer.class).single();
    }

    Optional<Long> openPlanOfHost(long hostId) {
        return jdbc.sql("""
                        select id from migration_plan where host_id = :host
                          and state in ('PROPOSED', 'RUNNING', 'CANCELLING') order by id desc limit 1""")
                .param("host", hostId).query(Long.class).optional();
    }

    Optional<PlanHeader> header(long planId) {
        return jdbc.sql("select * from migration_plan where id = :id").param("id", planId)
                .query(PlanRows::header).optional();
    }

    List<PlanHeader> recent(Long hostId, int limit) {
        return jdbc.sql("select * from migration_plan" + (hostId == null ? "" : " where host_id = :host")
                        + " order by id desc limit :limit")
                .param("host", hostId).param("limit", limit).query(PlanRows::header).list();
    }

    List<MoveRow> moves(long planId) {
        return jdbc.sql("select * from migration_move where plan_id = :plan order by position")
                .param("plan", planId).query(PlanRows::move).list();
    }

    Optional<MoveRow> move(long moveId) {
        return jdbc.sql("select * from migration_move where id = :id").param("id", moveId)
                .query(PlanRows::move).optional();
    }

    /** Recent moves from or to the host, newest first. */
    List<MoveRow> movesTouching(long hostId, int limit) {
        return jdbc.sql("""
                        select * from migration_move where (from_host = :host or to_host = :host)
                          and status in ('DONE', 'FAILED', 'RUNNING') order by id desc limit :limit""")
                .param("host", hostId).param("limit", limit).query(PlanRows::move).list();
    }

    record PlanHeader(long id, PlanKind kind, Long hostId, PlanState state, String requestedBy, String summary,
                      Instant createdAt) {
    }

    record MoveRow(long id, long planId, int position, UUID instanceId, String instanceName, long fromHost,
                   Long toHost, MoveMethod method, MoveStatus status, String reason, Long downtimeMs, Long tookMs) {

        PlannedMove view(Map<Long, HostView> hosts) {
            return new PlannedMove(id, position, instanceId, instanceName, fromHost, name(hosts, fromHost), toHost,
                    toHost == null ? null : name(hosts, toHost), method, status, reason, downtimeMs, tookMs);
        }

        private static String name(Map<Long, HostView> hosts, long id) {
            HostView host = hosts.get(id);
            return host == null ? "host " + id : host.name();
        }
    }

    static Map<Long, HostView> byId(List<HostView> hosts) {
        return hosts.stream().collect(Collectors.toMap(HostView::id, Function.identity()));
    }

    private static PlanHeader header(ResultSet rs, int n) throws SQLException {
        long host = rs.getLong("host_id");
        return new PlanHeader(rs.getLong("id"), PlanKind.valueOf(rs.getString("kind")), rs.wasNull() ? null : host,
                PlanState.valueOf(rs.getString("state")), rs.getString("requested_by"), rs.getString("summary"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static MoveRow move(ResultSet rs, int n) throws SQLException {
        long to = rs.getLong("to_host");
        Long toHost = rs.wasNull() ? null : to;
        long downtime = rs.getLong("downtime_ms");
        Long downtimeMs = rs.wasNull() ? null : downtime;
        long took = rs.getLong("took_ms");
        Long tookMs = rs.wasNull() ? null : took;
        String method = rs.getString("method");
        return new MoveRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("position"),
                UUID.fromString(rs.getString("instance_id")), rs.getString("instance_name"), rs.getLong("from_host"),
                toHost, method == null ? null : MoveMethod.valueOf(method), MoveStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), downtimeMs, tookMs);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
