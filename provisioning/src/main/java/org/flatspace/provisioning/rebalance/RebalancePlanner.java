package org.flatspace.provisioning.rebalance;

import java.time.Duration;
import java.util.List;

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
import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Plans rebalancing or consolidation with Timefold Solver: local search from where every instance
 * runs now (no construction from scratch), under {@link RebalanceConstraints}, with the goal's own
 * moves ({@link HotToColdMoves}, {@link EvacuationMoves}) besides Timefold's generic ones, until the
 * request's time limit, or until the best plan has not improved for a quarter of it and for 50
 * steps. The solved assignment then goes through {@link PlanFinisher}, so the plan holds only moves
 * that pay, in an order that can run. Thread-safe: each call builds its own solver.
 */
public final class RebalancePlanner {

    private static final Duration SHORTEST_UNIMPROVED = Duration.ofMillis(200);
    /**
     * Steps without a better plan before the search may stop early: with the time, so that a slow
     * first step (a cold JVM, a busy machine: 2 s and more at 10,000 instances) cannot end it.
     */
    private static final int UNIMPROVED_STEPS = 50;

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

    private static List<PlanInstance> solve(Pool pool, RebalanceRequest request) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RebalanceSolution.class)
                .withEntityClasses(PlanInstance.class)
                .withConstraintProviderClass(RebalanceConstraints.class)
                .withTerminationSpentLimit(request.timeLimit())
                .withPhases(search(request.goal(), pool).withTerminationConfig(unimproved(request.timeLimit())));
        RebalanceSolution problem = new RebalanceSolution(pool, request.goal(), request.maxMigrations());
        return SolverFactory.<RebalanceSolution>create(config).buildSolver().solve(problem).instances;
    }

    /** A quarter of the time limit and {@link #UNIMPROVED_STEPS} steps, both without a better plan. */
    private static TerminationConfig unimproved(Duration limit) {
        Duration quarter = limit.dividedBy(4);
        return new TerminationConfig()
                .withUnimprovedSpentLimit(quarter.compareTo(SHORTEST_UNIMPROVED) < 0 ? SHORTEST_UNIMPROVED : quarter)
                .withUnimprovedStepCountLimit(UNIMPROVED_STEPS)
                .withTerminationCompositionStyle(TerminationCompositionStyle.AND);
    }

    /**
     * Late acceptance over mostly the goal's own moves, with Timefold's generic ones mixed in. Each
     * step weighs a number of accepted moves and takes the best, which spends the migration budget
     * on good moves rather than the first acceptable ones: about a tenth of the movable instances
     * (BALANCE) or of the ACTIVE hosts (CONSOLIDATE, whose moves empty a host each), at most 1,000 and
     * 100, the numbers tuned on the benchmark pool (provisioning/README.md).
     */
    private static LocalSearchPhaseConfig search(Goal goal, Pool pool) {
        List<MoveSelectorConfig> moves = switch (goal) {
            case BALANCE -> List.of(custom(HotToColdMoves.class, 0.8),
                    new ChangeMoveSelectorConfig().withFixedProbabilityWeight(0.1),
                    new SwapMoveSelectorConfig().withFixedProbabilityWeight(0.1));
            case CONSOLIDATE -> List.of(custom(EvacuationMoves.class, 0.8),
                    new ChangeMoveSelectorConfig().withFixedProbabilityWeight(0.2));
        };
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(movesPerStep(goal, pool)))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(moves));
    }

    private static int movesPerStep(Goal goal, Pool pool) {
        long movable = pool.instances.stream().filter(instance -> !instance.pinned).count();
        long active = pool.hosts.stream().filter(host -> host.active).count();
        long tenth = goal == Goal.BALANCE ? movable / 10 : active / 10;
        return (int) Math.max(10, Math.min(goal == Goal.BALANCE ? 1000 : 100, tenth));
    }

    private static MoveSelectorConfig custom(Class<? extends MoveIteratorFactory> moves, double weight) {
        return new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(moves).withFixedProbabilityWeight(weight);
    }

}
