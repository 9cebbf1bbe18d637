package org.flatspace.provisioning.rebalance;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;

/** One instance to another host: the step the custom move generators are made of. */
final class Relocation extends AbstractMove<RebalanceSolution> {

    static final String VARIABLE = "host";

    private final PlanInstance instance;
    private final PlanHost to;

    Relocation(PlanInstance instance, PlanHost to) {
        this.instance = instance;
        this.to = to;
    }

    PlanInstance instance() {
        return instance;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<RebalanceSolution> scoreDirector) {
        return instance.host != to;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<RebalanceSolution> scoreDirector) {
        scoreDirector.beforeVariableChanged(instance, VARIABLE);
        instance.host = to;
        scoreDirector.afterVariableChanged(instance, VARIABLE);
    }

    @Override
    public Relocation rebase(ScoreDirector<RebalanceSolution> destination) {
        return new Relocation(destination.lookUpWorkingObject(instance), destination.lookUpWorkingObject(to));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(instance);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(to);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Relocation r && r.instance == instance && r.to == to;
    }

    @Override
    public int hashCode() {
        return Objects.hash(instance.id, to.id);
    }

    @Override
    public String toString() {
        return instance.id + " {" + instance.host + " -> " + to + "}";
    }
}
