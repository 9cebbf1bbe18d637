package org.flatspace.provisioning.rebalance;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Plans rebalancing or consolidation with Timefold Solver: local search from where every instance
 * runs now (no construction from scratch), under {@link RebalanceConstraints}, with the goal's own
 * moves ({@link HotToColdMoves}, {@link EvacuationMoves}) besides Timefold's generic ones, until the
 * request's time limit or until the best plan has not improved for a quarter of it. The solved
 * assignment then goes through {@link PlanFinisher}, so the plan holds only moves that pay, in an
 * order that can run. Thread-safe: each call builds its own solver.
 */
public final class RebalancePlanner {

    private static final Duration SHORTEST_UNIMPROVED = Duration.ofMillis(200);

    private final Map<Goal, SolverFactory<RebalanceSolution>> solverFactories = new EnumMap<>(Goal.class);

    public RebalancePlanner() {
        for (Goal goal : Goal.values()) {
            solverFactories.put(goal, SolverFactory.create(new SolverConfig()
                    .withSolutionClass(RebalanceSolution.class)
                    .withEntityClasses(PlanInstance.class)
                    .withConstraintProviderClass(RebalanceConstraints.class)
                    .withPhases(search(goal))));
        }
    }

    /**
     * Late acceptance over mostly the goal's own moves, with Timefold's generic ones mixed in; each
     * step weighs up to {@code acceptedCountLimit} accepted moves and takes the best, which spends
     * the migration budget on good moves rather than the first acceptable ones. The numbers were
     * tuned on the benchmark pool (provisioning/README.md).
     */
    private static LocalSearchPhaseConfig search(Goal goal) {
        List<MoveSelectorConfig> moves = switch (goal) {
            case BALANCE -> List.of(custom(HotToColdMoves.class, 0.8),
                    new ChangeMoveSelectorConfig().withFixedProbabilityWeight(0.1),
                    new SwapMoveSelectorConfig().withFixedProbabilityWeight(0.1));
            case CONSOLIDATE -> List.of(custom(EvacuationMoves.class, 0.8),
                    new ChangeMoveSelectorConfig().withFixedProbabilityWeight(0.2));
        };
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                .withForagerConfig(new LocalSearchForagerConfig()
                        .withAcceptedCountLimit(goal == Goal.BALANCE ? 1000 : 100))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(moves));
    }

    private static MoveSelectorConfig custom(Class<? extends MoveIteratorFactory> moves, double weight) {
        return new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(moves).withFixedProbabilityWeight(weight);
    }

    public RebalancePlan plan(RebalanceRequest request) {
        long start = System.nanoTime();
        Pool pool = Pool.of(request);
        PlanHost[] wanted = new PlanHost[pool.instances.size()];
        pool.instances.forEach(instance -> wanted[instance.index] = instance.source);
        if (request.maxMigrations() > 0 && pool.instances.stream().anyMatch(instance -> !instance.pinned)) {
            solve(pool, request).forEach(instance -> wanted[instance.index] = instance.host);
        }
        return new PlanFinisher(pool, request.goal(), request.maxMigrations()).finish(wanted, start);
    }

    private List<PlanInstance> solve(Pool pool, RebalanceRequest request) {
        Duration limit = request.timeLimit();
        Duration unimproved = limit.dividedBy(4);
        if (unimproved.compareTo(SHORTEST_UNIMPROVED) < 0) {
            unimproved = SHORTEST_UNIMPROVED;
        }
        TerminationConfig termination = new TerminationConfig()
                .withSpentLimit(limit)
                .withUnimprovedSpentLimit(unimproved);
        SolverConfigOverride<RebalanceSolution> override = new SolverConfigOverride<RebalanceSolution>()
                .withTerminationConfig(termination);
        RebalanceSolution problem = new RebalanceSolution(pool, request.goal(), request.maxMigrations());
        return solverFactories.get(request.goal()).buildSolver(override).solve(problem).instances;
    }
}
