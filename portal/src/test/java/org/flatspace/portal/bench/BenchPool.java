package org.flatspace.portal.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flatspace.config.catalog.FunctionInfo;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large pool written straight into the database with batched SQL (the services would take
 * minutes, and only what the views read matters here): 1,000 hosts over 20 fault domains with
 * their health, 10,000 running instances (10 per host) of 2,000 active requests of two teams,
 * 1,000 more requests that ended, and 20,000 audit entries. Written once; a database that has it
 * is used as it is.
 */
final class BenchPool {

    static final int HOSTS = 1_000;
    static final int INSTANCES_PER_REQUEST = 5;
    static final int ACTIVE_REQUESTS = 2_000;
    static final int ENDED_REQUESTS = 1_000;
    static final int AUDIT_ENTRIES = 20_000;
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    BenchPool(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean present() {
        Integer hosts = jdbc.queryForObject("select count(*) from host where name like 'bench-%'", Integer.class);
        return hosts != null && hosts >= HOSTS;
    }

    /** Writes the pool; the two teams' functions get its requests, the first team 70% of them. */
    void write(FunctionInfo first, String firstTeam, FunctionInfo second, String secondTeam) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Long> hosts = hosts(now);
        int instancesPerHost = ACTIVE_REQUESTS * INSTANCES_PER_REQUEST / HOSTS;
        List<Object[]> instances = new ArrayList<>();
        int placed = 0;
        for (int r = 0; r < ACTIVE_REQUESTS + ENDED_REQUESTS; r++) {
            boolean firstTeamsRequest = r % 10 < 7;
            FunctionInfo function = firstTeamsRequest ? first : second;
            boolean active = r < ACTIVE_REQUESTS;
            long id = request(function, firstTeamsRequest ? firstTeam : secondTeam, active, r, now);
            for (int i = 0; active && i < INSTANCES_PER_REQUEST; i++, placed++) {
                UUID instance = UUID.randomUUID();
                instances.add(new Object[] {instance.toString(), "request-" + id, function.teamId(), function.id(),
                        "bench-" + instance.toString().substring(0, 8), "small", 1, 2048, 20, "RUNNING",
                        hosts.get(placed / instancesPerHost), Timestamp.from(now), Timestamp.from(now)});
            }
        }
        batch("""
                insert into instance (id, order_key, team_id, function_id, name, size_name, vcpu, memory_mib, disk_gib,
                  state, host_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", instances);
        jdbc.update("""
                update host h set alloc_vcpu = (select coalesce(sum(vcpu), 0) from instance i where i.host_id = h.id),
                  alloc_memory_mib = (select coalesce(sum(memory_mib), 0) from instance i where i.host_id = h.id),
                  alloc_disk_gib = (select coalesce(sum(disk_gib), 0) from instance i where i.host_id = h.id)
                where h.name like 'bench-%'""");
        audit(now, firstTeam);
    }

    private List<Long> hosts(Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            String name = String.format("bench-h%04d", h);
            String state = h % 97 == 0 ? "MAINTENANCE" : h % 89 == 0 ? "DOWN" : "ACTIVE";
            rows.add(new Object[] {name, "test:///bench/" + name + ".xml", "TEST", state, 64, 262_144, 4_000, 4.0,
                    "rack-" + (h % 20)});
        }
        batch("""
                insert into host (name, uri, hypervisor_type, state, cpus, memory_mib, disk_gib, cpu_overcommit, fault_domain)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<Long> ids = jdbc.queryForList("select id from host where name like 'bench-%' order by name", Long.class);
        List<Object[]> health = new ArrayList<>();
        for (Long id : ids) {
            health.add(new Object[] {id, Timestamp.from(now), Timestamp.from(now)});
        }
        batch("insert into host_health (host_id, consecutive_failures, last_checked_at, last_answer_at) values (?, 0, ?, ?)",
                health);
        return ids;
    }

    private long request(FunctionInfo function, String team, boolean active, int r, Instant now) {
        jdbc.update("""
                        insert into capacity_request (team_id, requester, function_id, function_name, tier_name, team_name,
                          size_name, vcpu, memory_mib, disk_gib, instance_count, lease_end, reason, status, submitted_at,
                          updated_at) values (?, ?, ?, ?, ?, ?, 'small', 1, 2048, 20, ?, ?, ?, ?, ?, ?)""",
                function.teamId(), "bench", function.id(), function.name(), function.tier().name(), team,
                active ? INSTANCES_PER_REQUEST : 2, Date.valueOf(LocalDate.now().plusDays(30 + r % 300)),
                "benchmark request " + r, active ? "ACTIVE" : "ENDED", Timestamp.from(now.minusSeconds(r)),
                Timestamp.from(now));
        return jdbc.queryForObject("select last_insert_id()", Long.class);
    }

    private void audit(Instant now, String team) {
        List<Object[]> rows = new ArrayList<>();
        for (int a = 0; a < AUDIT_ENTRIES; a++) {
            rows.add(new Object[] {Timestamp.from(now.minusSeconds(a)), a % 3 == 0 ? "admin" : "alice", team,
                    a % 5 == 0 ? "login.success" : "request.read", "request:" + a, a % 7 == 0 ? "DENIED" : "SUCCESS",
                    "benchmark entry " + a});
        }
        batch("insert into audit_entry (at, who, team, action, object, outcome, detail) values (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
