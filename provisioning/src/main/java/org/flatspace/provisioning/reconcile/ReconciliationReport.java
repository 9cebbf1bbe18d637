package org.flatspace.provisioning.reconcile;

import java.time.Instant;
import java.util.List;

/** What one reconciliation found and did; empty drifts mean database and hosts agree. */
public record ReconciliationReport(Instant at, int hostsCompared, List<Drift> drifts) {

    public ReconciliationReport {
        drifts = List.copyOf(drifts);
    }

    public List<Drift> of(DriftKind kind) {
        return drifts.stream().filter(d -> d.kind() == kind).toList();
    }
}
