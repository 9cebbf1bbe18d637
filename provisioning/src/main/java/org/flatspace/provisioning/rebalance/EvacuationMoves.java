package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.CompositeMove;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * CONSOLIDATE's neighbourhood: empty one host in one move, each of its instances, largest first, to
 * the occupied host it fills best. The host is drawn with a bias to those with the fewest instances
 * (fewest migrations), then the least loaded. Once the budget is spent, the evacuation comes paired
 * with putting back the instances of a host emptied earlier, so that the search can trade an
 * expensive evacuation for a cheaper one. A single evacuation changes the number of occupied hosts
 * where single relocations would wander across a plateau. Public only because Timefold
 * instantiates it.
 */
public final class EvacuationMoves implements MoveIteratorFactory<RebalanceSolution, Move<RebalanceSolution>> {

    private static final int ATTEMPTS = 5;
    private static final long[] NOTHING = new long[3];

    public EvacuationMoves() {
        // Timefold creates it by reflection.
    }

    @Override
    public long getSize(ScoreDirector<RebalanceSolution> scoreDirector) {
        return scoreDirector.getWorkingSolution().hosts.size();
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
        // In the instances' order, so that the same seed draws the same host.
        Map<PlanHost, List<PlanInstance>> emptiedHosts = new LinkedHashMap<>();
        for (PlanInstance instance : solution.instances) {
            if (instance.moved() && ledger.isEmpty(instance.source)) {
                emptiedHosts.computeIfAbsent(instance.source, h -> new ArrayList<>()).add(instance);
            }
        }
        List<PlanHost> candidates = new ArrayList<>();
        for (PlanHost host : solution.hosts) {
            if (host.active && !ledger.isEmpty(host) && !host.hasFixedLoad()
                    && ledger.instancesOn(host).stream().noneMatch(instance -> instance.pinned)) {
                candidates.add(host);
            }
        }
        candidates.sort(Comparator.comparingInt((PlanHost host) -> ledger.instancesOn(host).size())
                .thenComparingDouble(ledger::dominantShare));
        return new Generator(ledger, candidates, new ArrayList<>(emptiedHosts.values()), solution.instances.get(0),
                random);
    }

    private record Generator(Ledger ledger, List<PlanHost> candidates, List<List<PlanInstance>> emptied,
                             PlanInstance any, Random random) implements Iterator<Move<RebalanceSolution>> {

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Move<RebalanceSolution> next() {
            for (int attempt = 0; attempt < ATTEMPTS && !candidates.isEmpty(); attempt++) {
                List<Relocation> evacuation = evacuation(candidates.get(biased(candidates.size())));
                if (evacuation.isEmpty()) {
                    continue;
                }
                if (ledger.budgetSpent() && !emptied.isEmpty()) {
                    List<PlanInstance> putBack = emptied.get(random.nextInt(emptied.size()));
                    List<Relocation> trade = new ArrayList<>(putBack.size() + evacuation.size());
                    putBack.forEach(instance -> trade.add(new Relocation(instance, instance.source)));
                    trade.addAll(evacuation);
                    return CompositeMove.buildMove(trade);
                }
                return CompositeMove.buildMove(evacuation);
            }
            // Not doable, so Timefold skips it: no host found that could be emptied.
            return new Relocation(any, any.host);
        }

        /** A relocation for each instance on the host, or none if one of them finds no room. */
        private List<Relocation> evacuation(PlanHost host) {
            List<PlanInstance> instances = new ArrayList<>(ledger.instancesOn(host));
            instances.sort(Comparator.comparingDouble((PlanInstance i) -> host.dominantShare(i.vcpu, i.memory, i.disk))
                    .reversed());
            Map<PlanHost, long[]> added = new HashMap<>();
            List<Relocation> relocations = new ArrayList<>(instances.size());
            for (PlanInstance instance : instances) {
                PlanHost target = bestFit(instance, host, added);
                if (target == null) {
                    return List.of();
                }
                long[] extra = added.computeIfAbsent(target, t -> new long[3]);
                extra[0] += instance.vcpu;
                extra[1] += instance.memory;
                extra[2] += instance.disk;
                relocations.add(new Relocation(instance, target));
            }
            return relocations;
        }

        /** The occupied host, not the one being emptied, that the instance fills fullest without overflowing. */
        private PlanHost bestFit(PlanInstance instance, PlanHost emptying, Map<PlanHost, long[]> added) {
            PlanHost best = null;
            double fullest = -1;
            for (PlanHost target : instance.targets) {
                long[] extra = added.isEmpty() ? NOTHING : added.getOrDefault(target, NOTHING);
                if (target == emptying || !ledger.fitsWith(target, instance, extra) || ledger.isEmpty(target)
                        || !ledger.keepsGroupRules(instance, target)) {
                    continue;
                }
                double share = ledger.dominantShareWith(target, instance, extra);
                if (share > fullest) {
                    fullest = share;
                    best = target;
                }
            }
            return best;
        }

        /** An index into a list sorted best first, drawn with a quadratic bias to the front. */
        private int biased(int size) {
            double u = random.nextDouble();
            return Math.min(size - 1, (int) (size * u * u));
        }
    }
}
