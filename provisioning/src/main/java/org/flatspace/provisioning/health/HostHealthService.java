package org.flatspace.provisioning.health;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.flatspace.provisioning.host.HostOrder;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostStateChanged;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.HostFacts;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.migration.MigrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Checks that every host answers, marks a host DOWN after {@link HealthProperties#failuresBeforeDown}
 * failures in a row and ACTIVE again when it answers. MAINTENANCE belongs to administrators and is
 * never changed here. Callers: the host-health process (on its timer) and administrators. Every
 * change of state made here is published as a {@link HostStateChanged}.
 */
@Service
public class HostHealthService {

    private static final Logger log = LoggerFactory.getLogger(HostHealthService.class);

    private final PoolService pool;
    private final Hypervisor hypervisor;
    private final HostHealthRepository health;
    private final HealthProperties properties;
    private final Clock clock;
    private final MigrationService migrations;
    private final ApplicationEventPublisher events;

    HostHealthService(PoolService pool, Hypervisor hypervisor, HostHealthRepository health,
                      HealthProperties properties, MigrationService migrations, ApplicationEventPublisher events) {
        this.pool = pool;
        this.events = events;
        this.migrations = migrations;
        this.hypervisor = hypervisor;
        this.health = health;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /**
     * Checks every host once, settles moves left in flight whose hosts answer again, and returns
     * what the pool looks like afterwards.
     */
    public List<HostHealth> checkAll() {
        pool.hosts().forEach(this::check);
        int inDoubt = migrations.resolveInFlight();
        if (inDoubt > 0) {
            log.warn("{} move(s) still in doubt: their hosts do not answer", inDoubt);
        }
        return report();
    }

    /** Checks one host now, e.g. when an administrator asks, and returns what it found. */
    public HostHealth check(long hostId) {
        HostView host = pool.host(hostId).orElseThrow(() -> new IllegalArgumentException("No host with id " + hostId));
        check(host);
        HostView after = pool.host(hostId).orElseThrow();
        return view(after, health.of(List.of(hostId)).get(hostId));
    }

    /** The last check's findings for every host, in name order. */
    public List<HostHealth> report() {
        Map<Long, HostHealthRepository.Row> rows = health.all();
        return pool.hosts().stream().map(h -> view(h, rows.get(h.id()))).toList();
    }

    /** One page of {@link #report()}, in name order: for a list over a large pool. */
    public List<HostHealth> report(int offset, int limit) {
        List<HostView> hosts = pool.hosts(offset, limit, HostOrder.NAME, false);
        Map<Long, HostHealthRepository.Row> rows = health.of(hosts.stream().map(HostView::id).toList());
        return hosts.stream().map(h -> view(h, rows.get(h.id()))).toList();
    }

    /** How many hosts {@link #report()} has. */
    public long reportSize() {
        return pool.count();
    }

    /** The timer cycle the host-health process runs on. */
    public String cycle() {
        return properties.cycle();
    }

    private void check(HostView host) {
        Instant now = clock.instant();
        HostFacts facts;
        try {
            facts = hypervisor.facts(host.uri());
        } catch (RuntimeException e) {
            failed(host, e, now);
            return;
        }
        String warning = CapacityCheck.warning(host, facts);
        health.answered(host.id(), warning, now);
        if (warning != null) {
            log.warn("Host {}: {}", host.name(), warning);
        }
        if (host.state() == HostState.DOWN && pool.markAnswering(host.id())) {
            log.info("Host {} answers again: ACTIVE", host.name());
            events.publishEvent(new HostStateChanged(host.id(), host.name(), HostState.DOWN, HostState.ACTIVE,
                    "answers again"));
        } else if (host.state() == HostState.DOWN && pool.fenced(host.id())) {
            returnFromFencing(host);
        }
    }

    /**
     * A fenced host answers again: what it still runs of instances restarted elsewhere goes first,
     * so that nothing runs twice; then it waits in MAINTENANCE for an administrator.
     */
    private void returnFromFencing(HostView host) {
        try {
            int removed = migrations.cleanUpReturnedHost(host.id());
            if (pool.returnFromFencing(host.id())) {
                log.warn("Fenced host {} answers again: removed {} domain(s) of instances restarted elsewhere;"
                        + " it is in MAINTENANCE until an administrator takes it out", host.name(), removed);
                events.publishEvent(new HostStateChanged(host.id(), host.name(), HostState.DOWN, HostState.MAINTENANCE,
                        "answers again after it was fenced; removed " + removed
                                + " domain(s) of instances restarted elsewhere; waits for an administrator"));
            }
        } catch (RuntimeException e) {
            log.warn("Fenced host {} answers but could not be cleaned up yet: {}", host.name(), e.getMessage());
        }
    }

    private void failed(HostView host, RuntimeException e, Instant now) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int failures = health.failed(host.id(), error, now);
        log.warn("Host {} did not answer ({} in a row): {}", host.name(), failures, error);
        if (failures >= properties.failuresBeforeDown() && host.state() == HostState.ACTIVE
                && pool.markDown(host.id())) {
            log.error("Host {} marked DOWN after {} failed checks: {}", host.name(), failures, error);
            events.publishEvent(new HostStateChanged(host.id(), host.name(), HostState.ACTIVE, HostState.DOWN,
                    failures + " failed checks in a row: " + error));
        }
    }

    private static HostHealth view(HostView host, HostHealthRepository.Row row) {
        if (row == null) {
            return new HostHealth(host.id(), host.name(), host.state(), 0, null, null, null, null);
        }
        return new HostHealth(host.id(), host.name(), host.state(), row.consecutiveFailures(), row.lastCheckedAt(),
                row.lastAnswerAt(), row.lastError(), row.capacityWarning());
    }
}
