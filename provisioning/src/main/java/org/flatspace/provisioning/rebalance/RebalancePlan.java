package org.flatspace.provisioning.rebalance;

import java.time.Duration;
import java.util.List;

/**
 * The migrations to run, in an order in which each one, run after the ones before it, keeps every
 * hard rule; and what they achieve. Imbalance is the standard deviation of the ACTIVE hosts'
 * dominant shares (see provisioning/README.md); empty hosts are ACTIVE hosts with nothing
 * allocated; {@code hostsNeededLowerBound} is the fewest ACTIVE hosts that could hold what runs on
 * the ACTIVE hosts, so {@code activeHosts - hostsNeededLowerBound} bounds the empty hosts any plan
 * could reach.
 */
public record RebalancePlan(Goal goal, List<Move> moves, double imbalanceBefore, double imbalanceAfter,
                            int emptyHostsBefore, int emptyHostsAfter, int hostsNeededLowerBound, Duration took) {

    public RebalancePlan {
        moves = List.copyOf(moves);
    }

    /** The imbalance each migration removes on average; 0 for a plan without migrations. */
    public double imbalanceRemovedPerMove() {
        return moves.isEmpty() ? 0 : (imbalanceBefore - imbalanceAfter) / moves.size();
    }
}
