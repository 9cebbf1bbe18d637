package org.flatspace.workflows.pool;

import java.util.List;
import java.util.Optional;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.PlannedMove;

/**
 * One host for administrators: what runs on it, its open plan (proposed, running), what its
 * process waits for, whether it is fenced, and its recent plans and moves.
 */
public record HostOverview(HostView host, boolean fenced, List<InstanceView> instances,
                           Optional<MigrationPlan> openPlan, HostStep waitingFor, List<MigrationPlan> recentPlans,
                           List<PlannedMove> recentMoves) {
}
