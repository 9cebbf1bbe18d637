package org.flatspace.provisioning.rebalance;

import java.util.List;

/**
 * What the imbalance adds up from (a Timefold problem fact): the ACTIVE hosts with capacity, and
 * the sum and the sum of squares of the dominant shares their fixed load alone gives them, in
 * millionths. The balance constraint adds, per host holding listed instances, how far they raise
 * both sums; so a host that holds none needs no group of its own.
 */
record PoolTotals(int hosts, long fixedShares, long fixedSquares) {

    /** Shares are counted in millionths. */
    static final long MICRO = 1_000_000;

    static PoolTotals of(List<PlanHost> hosts) {
        int counted = 0;
        long shares = 0;
        long squares = 0;
        for (PlanHost host : hosts) {
            if (counts(host)) {
                counted++;
                shares += host.fixedMicroShare;
                squares += host.fixedMicroShare * host.fixedMicroShare;
            }
        }
        return new PoolTotals(counted, shares, squares);
    }

    /** The hosts the imbalance is taken over: ACTIVE, with some capacity. */
    static boolean counts(PlanHost host) {
        return host.active && host.hasCapacity();
    }

    /**
     * n times the variance of the dominant shares, given what the listed instances add to the sum
     * and to the sum of squares (in millionths and millionths squared).
     */
    double varianceTimesHosts(long addedShares, long addedSquares) {
        if (hosts == 0) {
            return 0;
        }
        double sum = fixedShares + addedShares;
        double squares = fixedSquares + addedSquares;
        return Math.max(0, squares - sum * sum / hosts) / ((double) MICRO * MICRO);
    }
}
