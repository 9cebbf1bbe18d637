package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Copies only what the search changes, each instance's host, and shares the facts: Timefold clones
 * the solution at every new best score, often hundreds of times per second early in a search.
 * Public only because Timefold instantiates it.
 */
public final class RebalanceSolutionCloner implements SolutionCloner<RebalanceSolution> {

    public RebalanceSolutionCloner() {
        // Timefold creates it by reflection.
    }

    @Override
    public RebalanceSolution cloneSolution(RebalanceSolution original) {
        RebalanceSolution clone = new RebalanceSolution();
        clone.hosts = original.hosts;
        clone.groups = original.groups;
        clone.budget = original.budget;
        clone.totals = original.totals;
        clone.constraintWeightOverrides = original.constraintWeightOverrides;
        clone.score = original.score;
        clone.domains = original.domains;
        List<PlanInstance> instances = new ArrayList<>(original.instances.size());
        for (PlanInstance instance : original.instances) {
            instances.add(instance.copy());
        }
        clone.instances = instances;
        return clone;
    }
}
