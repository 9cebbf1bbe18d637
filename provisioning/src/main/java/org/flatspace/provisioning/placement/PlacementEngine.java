package org.flatspace.provisioning.placement;

import java.util.List;

/**
 * The filter-and-weigh scheduler: for each instance, the filters drop the hosts that may not take
 * it, the weighers score the rest and the best score wins. Data in, decision out: it allocates
 * nothing anywhere but in the snapshot it was given.
 */
public final class PlacementEngine {

    private final PlacementWeights weights;

    public PlacementEngine(PlacementWeights weights) {
        this.weights = weights;
    }

    /** One request against one snapshot. */
    public PlacementResult place(List<HostCapacity> pool, PlacementRequest request) {
        return open(pool).place(request);
    }

    /** A session for many requests in a row on one snapshot (what-if series, benchmarks, planning). */
    public PlacementSession open(List<HostCapacity> pool) {
        return new PlacementSession(pool, weights);
    }
}
