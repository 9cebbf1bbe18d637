package org.flatspace.config.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records and finds audit entries.
 *
 * <p>Every entry is written in a transaction of its own, so that a refusal or a failure is recorded
 * even when the caller's transaction then rolls back. A SUCCESS recorded inside a transaction is
 * written when that transaction ends: as SUCCESS if it commits, as FAILED if it rolls back, so the
 * trail never claims a change that did not happen.
 *
 * <p>Finding is paged in SQL, newest first, so that an admin's grid stays fast on a long trail.
 */
@Service
public class AuditService {

    /** Who the platform itself is, for what no person did (a health check marking a host DOWN). */
    public static final String SYSTEM = "system";

    static final int MAX_WHO = 200;
    static final int MAX_TEAM = 100;
    static final int MAX_ACTION = 64;
    static final int MAX_OBJECT = 200;
    static final int MAX_DETAIL = 1000;
    private static final int REMOVE_STEP = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AuditService(JdbcClient jdbc, PlatformTransactionManager transactions, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Records what {@code who} did.
     *
     * @param who    a username or {@link #SYSTEM}
     * @param team   the name of {@code who}'s team; when null, the team {@code who} belongs to now, if
     *               {@code who} is a known username
     * @param action a short code, e.g. {@code quota.set}
     * @param object what it was done to, e.g. {@code team:Payroll}; may be null
     * @param detail what people need to understand it; never a password, token or session id
     */
    public void record(String who, String team, String action, String object, AuditOutcome outcome, String detail) {
        if (action == null || action.isBlank() || outcome == null) {
            throw new IllegalArgumentException("An audit entry needs an action and an outcome");
        }
        Pending entry = new Pending(clock.instant(), clean(who == null || who.isBlank() ? "unknown" : who, MAX_WHO),
                clean(team, MAX_TEAM), clean(action, MAX_ACTION), clean(object, MAX_OBJECT), outcome,
                clean(detail, MAX_DETAIL));
        if (outcome == AuditOutcome.SUCCESS && TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    write(status == STATUS_COMMITTED ? entry : entry.undone());
                }
            });
        } else {
            write(entry);
        }
    }

    /** The entries that match, newest first, from {@code offset} on, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("select * from audit_entry" + where.sql() + " order by at desc, id desc limit :limit offset :offset")
                .paramSource(where.params().addValue("limit", Math.max(0, Math.min(limit, 1000)))
                        .addValue("offset", Math.max(0, offset)))
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("who"), rs.getString("team"), rs.getString("action"), rs.getString("object"),
                        AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("detail")))
                .list();
    }

    /** How many entries match. */
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from audit_entry" + where.sql()).paramSource(where.params())
                .query(Long.class).single();
    }

    /**
     * Removes the entries recorded before {@code cutoff}, a few thousand at a time so that no long
     * transaction holds the table, and records that it did (by {@link #SYSTEM}) when it removed
     * any. Returns how many it removed. Called by {@link AuditRetention}; ids grow with time, so each
     * step removes the oldest range.
     */
    public long removeRecordedBefore(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        long removed = 0;
        while (true) {
            Long oldest = jdbc.sql("select min(id) from audit_entry where at < :before").param("before", before)
                    .query(Long.class).optional().orElse(null);
            if (oldest == null) {
                break;
            }
            removed += ownTransaction.execute(tx -> jdbc.sql(
                            "delete from audit_entry where id < :upTo and at < :before")
                    .param("upTo", oldest + REMOVE_STEP).param("before", before).update());
        }
        if (removed > 0) {
            record(SYSTEM, null, "audit.remove", "audit log", AuditOutcome.SUCCESS,
                    removed + " entries recorded before " + cutoff + " removed (flatspace.audit.retention)");
        }
        return removed;
    }

    /** The action codes recorded so far, for a filter's choices. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_entry order by action").query(String.class).list();
    }

    private void write(Pending entry) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        insert into audit_entry (at, who, team, action, object, outcome, detail)
                        values (:at, :who, :team, :action, :object, :outcome, :detail)""")
                .param("at", Timestamp.from(entry.at())).param("who", entry.who())
                .param("team", entry.team() != null ? entry.team() : teamOf(entry.who()))
                .param("action", entry.action()).param("object", entry.object())
                .param("outcome", entry.outcome().name()).param("detail", entry.detail())
                .update());
    }

    private String teamOf(String username) {
        if (SYSTEM.equals(username)) {
            return null;
        }
        return jdbc.sql("select t.name from person p join team t on t.id = p.team_id where p.username = :username")
                .param("username", username).query(String.class).optional().orElse(null);
    }

    private static Where where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (present(filter.who())) {
            conditions.add("who like :who escape '!'");
            params.addValue("who", likeEscaped(filter.who().strip()) + "%");
        }
        if (present(filter.team())) {
            conditions.add("team = :team");
            params.addValue("team", filter.team().strip());
        }
        if (present(filter.action())) {
            conditions.add("action like :action escape '!'");
            params.addValue("action", likeEscaped(filter.action().strip()) + "%");
        }
        if (filter.outcome() != null) {
            conditions.add("outcome = :outcome");
            params.addValue("outcome", filter.outcome().name());
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.addValue("to", Timestamp.from(filter.to()));
        }
        if (present(filter.text())) {
            conditions.add("(lower(object) like :text escape '!' or lower(detail) like :text escape '!')");
            params.addValue("text", "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** One line, without control characters (a username typed at sign-in may hold any), cut to fit. */
    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String line = value.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }

    /** An entry about to be written. */
    private record Pending(Instant at, String who, String team, String action, String object, AuditOutcome outcome,
                           String detail) {

        /** The success did not happen after all: its transaction rolled back. */
        Pending undone() {
            String why = "rolled back, nothing changed";
            return new Pending(at, who, team, action, object, AuditOutcome.FAILED,
                    clean(detail == null ? why : why + ": " + detail, MAX_DETAIL));
        }
    }
}
