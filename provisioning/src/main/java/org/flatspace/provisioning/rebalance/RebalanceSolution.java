package org.flatspace.provisioning.rebalance;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The pool as Timefold sees it. The goal switches constraints on and off through their weights
 * ({@link RebalanceConstraints#weightsFor}).
 */
@PlanningSolution(solutionCloner = RebalanceSolutionCloner.class)
final class RebalanceSolution {

    @ProblemFactCollectionProperty
    List<PlanHost> hosts;
    @ProblemFactCollectionProperty
    List<FunctionGroup> groups;
    @ProblemFactProperty
    MigrationBudget budget;
    @ProblemFactProperty
    PoolTotals totals;
    @PlanningEntityCollectionProperty
    List<PlanInstance> instances;
    ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;
    @PlanningScore
    HardMediumSoftLongScore score;
    /** How many fault domains the hosts' domain indexes run over (for the move generators). */
    int domains;

    RebalanceSolution() {
    }

    RebalanceSolution(Pool pool, Goal goal, int maxMigrations) {
        this.hosts = pool.hosts;
        this.groups = pool.groups;
        this.budget = new MigrationBudget(maxMigrations);
        this.totals = pool.totals;
        this.instances = pool.instances;
        this.constraintWeightOverrides = RebalanceConstraints.weightsFor(goal);
        this.domains = pool.domains;
    }
}
