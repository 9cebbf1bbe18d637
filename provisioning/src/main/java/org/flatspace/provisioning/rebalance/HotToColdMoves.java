package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.CompositeMove;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * BALANCE's neighbourhood: an instance from one of the most loaded hosts to one of the least loaded
 * it may go to and fits on, drawn at random with a bias to the extremes, so that most moves the
 * search weighs are worth weighing. Once the migration budget is spent, a relocation comes paired with taking back
 * an earlier migration, so that the search can trade a weak move for a better one. The loads are
 * read once per step, when Timefold asks for the step's moves. Public only because Timefold
 * instantiates it.
 */
public final class HotToColdMoves implements MoveIteratorFactory<RebalanceSolution, Move<RebalanceSolution>> {

    /** How many of the coolest hosts, from a random start, are tried for a target. */
    private static final int SCAN = 50;
    private static final int ATTEMPTS = 20;

    public HotToColdMoves() {
        // Timefold creates it by reflection.
    }

    @Override
    public long getSize(ScoreDirector<RebalanceSolution> scoreDirector) {
        return scoreDirector.getWorkingSolution().instances.size();
    }

    @Override
    public Iterator<Move<RebalanceSolution>> createOriginalMoveIterator(
            ScoreDirector<RebalanceSolution> scoreDirector) {
        throw new UnsupportedOperationException("Only random selection");
    }

    @Override
    public Iterator<Move<RebalanceSolution>> createRandomMoveIterator(ScoreDirector<RebalanceSolution> scoreDirector,
                                                                     Random random) {
        RebalanceSolution solution = scoreDirector.getWorkingSolution();
        Ledger ledger = new Ledger(solution);
        List<PlanHost> hottest = new ArrayList<>();
        for (PlanHost host : solution.hosts) {
            if (host.active) {
                hottest.add(host);
            }
        }
        hottest.sort(Comparator.comparingDouble(ledger::dominantShare).reversed());
        List<PlanHost> coolest = new ArrayList<>(hottest);
        Collections.reverse(coolest);
        List<PlanInstance> moved = new ArrayList<>();
        for (PlanInstance instance : solution.instances) {
            if (instance.moved()) {
                moved.add(instance);
            }
        }
        return new Generator(ledger, hottest, coolest, moved, solution.instances.get(0), random);
    }

    private record Generator(Ledger ledger, List<PlanHost> hottest, List<PlanHost> coolest, List<PlanInstance> moved,
                             PlanInstance any, Random random) implements Iterator<Move<RebalanceSolution>> {

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Move<RebalanceSolution> next() {
            Relocation relocation = relocation();
            if (relocation == null) {
                // Not doable, so Timefold skips it: nothing found on the hot hosts that may move.
                return new Relocation(any, any.host);
            }
            if (!ledger.budgetSpent() || moved.isEmpty() || relocation.instance().moved()) {
                return relocation;
            }
            PlanInstance back = moved.get(random.nextInt(moved.size()));
            return back == relocation.instance() ? relocation
                    : CompositeMove.buildMove(new Relocation(back, back.source), relocation);
        }

        /** From a host near the top to one near the bottom; null if none found. */
        private Relocation relocation() {
            for (int attempt = 0; attempt < ATTEMPTS && !hottest.isEmpty(); attempt++) {
                PlanHost from = hottest.get(biased(hottest.size()));
                List<PlanInstance> on = ledger.instancesOn(from);
                if (on.isEmpty()) {
                    continue;
                }
                PlanInstance instance = on.get(random.nextInt(on.size()));
                PlanHost to = coolest(instance, from);
                if (!instance.pinned && to != null) {
                    return new Relocation(instance, to);
                }
            }
            return null;
        }

        /** The first host from a biased start in the coolest-first list that the instance may go to and fits on. */
        private PlanHost coolest(PlanInstance instance, PlanHost from) {
            int start = biased(coolest.size());
            for (int k = start; k < Math.min(coolest.size(), start + SCAN); k++) {
                PlanHost to = coolest.get(k);
                if (to != from && instance.eligibility.allows(to) && ledger.fitsWith(to, instance)) {
                    return to;
                }
            }
            return null;
        }

        /** An index into a list sorted best first, drawn with a cubic bias to the front. */
        private int biased(int size) {
            double u = random.nextDouble();
            return Math.min(size - 1, (int) (size * u * u * u));
        }
    }
}
