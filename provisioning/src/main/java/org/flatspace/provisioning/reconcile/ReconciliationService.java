package org.flatspace.provisioning.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainInfo;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Compares the database with every host and repairs what is safe. Safe means: it makes the hosts
 * match what users were promised and cannot destroy anything. So a RUNNING instance whose domain is
 * shut off, crashed or gone from its ACTIVE host is started (or defined and started) again; domains
 * are diskless and keyed by instance id, so the database holds all of a domain and a repeat cannot
 * make a second one. Everything else (unknown domains, paused ones, domains on the wrong host) is
 * reported for an administrator: removing or moving them could lose someone's work.
 */
@Service
public class ReconciliationService {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final PoolService pool;
    private final InstanceService instances;
    private final Hypervisor hypervisor;

    ReconciliationService(PoolService pool, InstanceService instances, Hypervisor hypervisor) {
        this.pool = pool;
        this.instances = instances;
        this.hypervisor = hypervisor;
    }

    /** Reports every difference and changes nothing. */
    public ReconciliationReport inspect() {
        return run(false);
    }

    /** Reports every difference and repairs the safe ones. */
    public ReconciliationReport reconcile() {
        return run(true);
    }

    private ReconciliationReport run(boolean repair) {
        List<HostView> hosts = pool.hosts();
        Map<UUID, InstanceView> expected = new HashMap<>();
        instances.placedByHost().values().forEach(onHost -> onHost.forEach(i -> expected.put(i.id(), i)));
        Map<Long, List<DomainInfo>> seen = new HashMap<>();
        List<Drift> drifts = new ArrayList<>();
        for (HostView host : hosts) {
            try {
                seen.put(host.id(), hypervisor.list(host.uri()));
            } catch (RuntimeException e) {
                drifts.add(new Drift(DriftKind.HOST_UNREACHABLE, null, null, host.name(), null, e.getMessage(), false));
            }
        }
        HostComparison comparison = new HostComparison(hosts, expected, seen, new Repair(hypervisor, repair));
        drifts.addAll(comparison.drifts());
        ReconciliationReport report = new ReconciliationReport(Instant.now(), seen.size(), drifts);
        log(report);
        return report;
    }

    private static void log(ReconciliationReport report) {
        if (report.drifts().isEmpty()) {
            log.info("Reconciliation: {} host(s) agree with the database", report.hostsCompared());
            return;
        }
        for (Drift drift : report.drifts()) {
            log.warn("Reconciliation: {} {} ({}) on {}: {}{}", drift.kind(), drift.domainId(), drift.instance(),
                    drift.host(), drift.detail(), drift.fixed() ? " - fixed" : "");
        }
    }
}
