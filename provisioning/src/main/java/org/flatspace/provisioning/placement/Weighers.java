package org.flatspace.provisioning.placement;

/**
 * The weighers, one method each, scoring a host from 0 (worst) to 1 (best) for one instance; the
 * score of a host is their sum, each times its weight. A weigher with weight 0 is not computed.
 */
final class Weighers {

    private final PoolState pool;
    private final PlacementWeights weights;
    private final boolean softSpread;
    private GroupState group;

    Weighers(PoolState pool, PlacementWeights weights, PlacementRules rules) {
        this.pool = pool;
        this.weights = weights;
        this.softSpread = rules.spread() == Spread.SOFT && weights.softSpread() > 0;
    }

    void track(GroupState group) {
        this.group = group;
    }

    double score(int h, Demand d) {
        double score = 0;
        if (weights.spread() > 0) {
            score += weights.spread() * leastLoaded(h, d);
        }
        if (weights.pack() > 0) {
            score += weights.pack() * mostLoaded(h, d);
        }
        if (softSpread && group != null) {
            score += weights.softSpread() * fewestOfTheFunction(h);
        }
        if (weights.balance() > 0) {
            score += weights.balance() * balancedResources(h, d);
        }
        return score;
    }

    /** Spread: the host whose most used resource stays least used. */
    double leastLoaded(int h, Demand d) {
        return 1.0 - pool.dominantShareAfter(h, d);
    }

    /** Pack: the host whose most used resource ends up fullest (best fit on the dominant resource). */
    double mostLoaded(int h, Demand d) {
        return pool.dominantShareAfter(h, d);
    }

    /** Soft spread: 1 in a fault domain without the function's instances, less for each one there. */
    double fewestOfTheFunction(int h) {
        return 1.0 / (1 + group.inDomainOf(h));
    }

    /** Balance: 1 when CPU and memory end up equally used, 0 when one is full and the other empty. */
    double balancedResources(int h, Demand d) {
        return 1.0 - Math.abs(pool.vcpuShareAfter(h, d) - pool.memoryShareAfter(h, d));
    }
}
