package org.flatspace.provisioning.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The instance rows as migration reads and changes them: every change of where an instance is is
 * one conditional UPDATE that names where it was, so that a move, a decommission and a second
 * node's move of the same instance cannot both win.
 */
@Repository
class InstanceRows {

    private static final String COLUMNS = "id, name, function_id, host_id, moving_to, state, vcpu, memory_mib,"
            + " disk_gib, spread, affinity, required_tags, rule_hypervisor, max_cpu_overcommit, live_migration,"
            + " restart_on_failure";

    private final JdbcClient jdbc;

    InstanceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MovableInstance> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from instance where id = :id").param("id", id.toString())
                .query(InstanceRows::row).optional();
    }

    /** What is placed on the host (running, or pending while it is being provisioned), by name. */
    List<MovableInstance> onHost(long hostId) {
        return jdbc.sql("select " + COLUMNS + " from instance where host_id = :host order by name")
                .param("host", hostId).query(InstanceRows::row).list();
    }

    /** Every placed instance, for planners over the whole pool. */
    List<MovableInstance> placed() {
        return jdbc.sql("select " + COLUMNS + " from instance where host_id is not null order by id")
                .query(InstanceRows::row).list();
    }

    /** Instances whose move was left in flight (a node stopped, a host did not answer). */
    List<MovableInstance> inFlight() {
        return jdbc.sql("select " + COLUMNS + " from instance where moving_to is not null")
                .query(InstanceRows::row).list();
    }

    /** Per business function, how many of its instances each host holds (spread and affinity count them). */
    Map<Long, Map<Long, Integer>> placedPerFunction() {
        Map<Long, Map<Long, Integer>> result = new HashMap<>();
        jdbc.sql("select function_id, host_id, count(*) from instance where host_id is not null"
                        + " group by function_id, host_id")
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), f -> new HashMap<>())
                        .put(rs.getLong(2), rs.getInt(3)))
                .list();
        return result;
    }

    /** Starts a move: the instance runs on {@code from}, no other move is in flight. */
    boolean claim(UUID id, long from, long to) {
        return jdbc.sql("""
                        update instance set moving_to = :to, updated_at = :now
                        where id = :id and host_id = :from and moving_to is null and state = 'RUNNING'""")
                .param("id", id.toString()).param("from", from).param("to", to).param("now", now())
                .update() == 1;
    }

    /** The instance runs on {@code to} now. */
    boolean complete(UUID id, long from, long to) {
        return jdbc.sql("""
                        update instance set host_id = :to, moving_to = null, last_error = null, updated_at = :now
                        where id = :id and host_id = :from and moving_to = :to""")
                .param("id", id.toString()).param("from", from).param("to", to).param("now", now())
                .update() == 1;
    }

    /** The move did not happen: the instance stays where it was, with why. */
    boolean abandon(UUID id, long to, String error) {
        return jdbc.sql("""
                        update instance set moving_to = null, last_error = :error, updated_at = :now
                        where id = :id and moving_to = :to""")
                .param("id", id.toString()).param("to", to).param("error", truncate(error)).param("now", now())
                .update() == 1;
    }

    void error(UUID id, String error) {
        jdbc.sql("update instance set last_error = :error, updated_at = :now where id = :id")
                .param("id", id.toString()).param("error", truncate(error)).param("now", now()).update();
    }

    private static MovableInstance row(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString("required_tags");
        Set<String> required = tags == null || tags.isBlank() ? Set.of()
                : Arrays.stream(tags.split(",")).collect(Collectors.toUnmodifiableSet());
        PlacementRules rules = new PlacementRules(Spread.valueOf(rs.getString("spread")), rs.getBoolean("affinity"),
                required, rs.getString("rule_hypervisor"), rs.getDouble("max_cpu_overcommit"));
        long host = rs.getLong("host_id");
        Long hostId = rs.wasNull() ? null : host;
        long moving = rs.getLong("moving_to");
        Long movingTo = rs.wasNull() ? null : moving;
        return new MovableInstance(UUID.fromString(rs.getString("id")), rs.getString("name"),
                rs.getLong("function_id"), hostId, movingTo, rs.getString("state"),
                new Demand(rs.getInt("vcpu"), rs.getLong("memory_mib"), rs.getLong("disk_gib")), rules,
                rs.getBoolean("live_migration"), rs.getBoolean("restart_on_failure"));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }
}
