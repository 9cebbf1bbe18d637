package org.flatspace.provisioning.rebalance;

import java.util.List;
import java.util.UUID;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One listed instance (the Timefold planning entity): its host is the planning variable, starting
 * where it runs now ({@code source}). Pinned when it may not move: not movable, or on a host that
 * is not ACTIVE (evacuation's business, not rebalancing's). It may move to the hosts of its
 * {@link Eligibility}; its current host stays in its range even when no longer eligible, so that
 * staying is always possible.
 */
@PlanningEntity
final class PlanInstance {

    /** Position in the request's list of instances. */
    int index;
    @PlanningId
    UUID id;
    long functionId;
    int vcpu;
    long memory;
    long disk;
    PlanHost source;
    FunctionGroup group;
    Eligibility eligibility;
    @ValueRangeProvider(id = "targets")
    List<PlanHost> targets;
    @PlanningPin
    boolean pinned;
    @PlanningVariable(valueRangeProviderRefs = "targets")
    PlanHost host;

    PlanInstance() {
    }

    PlanInstance(int index, UUID id, long functionId, int vcpu, long memory, long disk, PlanHost source,
                 FunctionGroup group, Eligibility eligibility, boolean pinned) {
        this.index = index;
        this.id = id;
        this.functionId = functionId;
        this.vcpu = vcpu;
        this.memory = memory;
        this.disk = disk;
        this.source = source;
        this.group = group;
        this.eligibility = eligibility;
        this.pinned = pinned;
        this.host = source;
        if (pinned) {
            this.targets = List.of(source);
        } else if (eligibility.allows(source)) {
            this.targets = eligibility.targets;
        } else {
            this.targets = withSource(eligibility.targets, source);
        }
    }

    /** A copy for the solution cloner: the same facts, its own host. */
    PlanInstance copy() {
        PlanInstance copy = new PlanInstance();
        copy.index = index;
        copy.id = id;
        copy.functionId = functionId;
        copy.vcpu = vcpu;
        copy.memory = memory;
        copy.disk = disk;
        copy.source = source;
        copy.group = group;
        copy.eligibility = eligibility;
        copy.targets = targets;
        copy.pinned = pinned;
        copy.host = host;
        return copy;
    }

    boolean moved() {
        return host != source;
    }

    boolean hardSpread() {
        return group != null && group.hardSpread;
    }

    boolean affinity() {
        return group != null && group.affinity;
    }

    private static List<PlanHost> withSource(List<PlanHost> targets, PlanHost source) {
        PlanHost[] all = targets.toArray(new PlanHost[targets.size() + 1]);
        all[targets.size()] = source;
        return List.of(all);
    }

    @Override
    public String toString() {
        return "instance " + id + " on " + host;
    }
}
