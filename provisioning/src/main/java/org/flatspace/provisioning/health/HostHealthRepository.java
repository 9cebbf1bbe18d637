package org.flatspace.provisioning.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The host_health table. Counting is done by the database (consecutive_failures + 1), so two nodes
 * that check at once cannot lose a failure.
 */
@Repository
class HostHealthRepository {

    /** What one row holds. */
    record Row(long hostId, int consecutiveFailures, Instant lastCheckedAt, Instant lastAnswerAt, String lastError,
               String capacityWarning) {
    }

    private static final int MAX_TEXT = 1000;

    private final JdbcClient jdbc;

    HostHealthRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a failed check and returns the failures in a row, this one included. */
    int failed(long hostId, String error, Instant at) {
        ensureRow(hostId);
        jdbc.sql("""
                        update host_health set consecutive_failures = consecutive_failures + 1,
                          last_checked_at = :at, last_error = :error
                        where host_id = :host""")
                .param("host", hostId).param("at", Timestamp.from(at)).param("error", clip(error)).update();
        return jdbc.sql("select consecutive_failures from host_health where host_id = :host")
                .param("host", hostId).query(Integer.class).single();
    }

    void answered(long hostId, String capacityWarning, Instant at) {
        ensureRow(hostId);
        jdbc.sql("""
                        update host_health set consecutive_failures = 0, last_checked_at = :at, last_answer_at = :at,
                          last_error = null, capacity_warning = :warning
                        where host_id = :host""")
                .param("host", hostId).param("at", Timestamp.from(at)).param("warning", clip(capacityWarning))
                .update();
    }

    Map<Long, Row> all() {
        return jdbc.sql("select * from host_health").query(HostHealthRepository::row).list().stream()
                .collect(Collectors.toMap(Row::hostId, Function.identity()));
    }

    Map<Long, Row> of(Collection<Long> hostIds) {
        if (hostIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from host_health where host_id in (:hosts)").param("hosts", hostIds)
                .query(HostHealthRepository::row).list().stream()
                .collect(Collectors.toMap(Row::hostId, Function.identity()));
    }

    private void ensureRow(long hostId) {
        if (jdbc.sql("select count(*) from host_health where host_id = :host").param("host", hostId)
                .query(Integer.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into host_health (host_id, consecutive_failures) values (:host, 0)")
                    .param("host", hostId).update();
        } catch (DuplicateKeyException e) {
            // Another node's check inserted it first: the row is there, which is all this needs.
        }
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("host_id"), rs.getInt("consecutive_failures"), instant(rs, "last_checked_at"),
                instant(rs, "last_answer_at"), rs.getString("last_error"), rs.getString("capacity_warning"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
