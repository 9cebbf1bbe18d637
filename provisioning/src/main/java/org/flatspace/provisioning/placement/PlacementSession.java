package org.flatspace.provisioning.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A pool snapshot that placements are made on one after another, each seeing the ones before it:
 * what a scheduler's cache is to Kubernetes. A placed request stays allocated in the session; a
 * request that does not fit leaves the session as it was. Not thread-safe: one session per caller.
 */
public final class PlacementSession {

    private final PoolState pool;
    private final PlacementWeights weights;

    PlacementSession(List<HostCapacity> hosts, PlacementWeights weights) {
        this.pool = new PoolState(hosts);
        this.weights = weights;
    }

    /** Places every instance of the request or none, and keeps what it placed in this session. */
    public PlacementResult place(PlacementRequest request) {
        Filters filters = new Filters(pool, request.rules());
        Weighers weighers = new Weighers(pool, weights, request.rules());
        GroupState group = null;
        if (request.rules().tracksGroup()) {
            group = GroupState.of(pool, filters, request.alreadyPlaced());
            filters.track(group);
            weighers.track(group);
        }
        List<Demand> demands = request.instances();
        int[] order = largestFirst(demands);
        int[] chosen = new int[demands.size()];
        for (int k = 0; k < order.length; k++) {
            Demand demand = demands.get(order[k]);
            filters.prepare();
            int host = best(filters, weighers, demand);
            if (host < 0) {
                PlacementResult.NoFit noFit = explain(filters, demand, k, demands.size());
                undo(order, chosen, k, demands, group);
                return noFit;
            }
            pool.allocate(host, demand);
            if (group != null) {
                group.add(host);
            }
            chosen[order[k]] = host;
        }
        List<Long> hostIds = new ArrayList<>(chosen.length);
        for (int host : chosen) {
            hostIds.add(pool.ids[host]);
        }
        return new PlacementResult.Placed(hostIds);
    }

    /** The hosts as they stand in this session, with what it has placed. */
    public List<HostCapacity> hosts() {
        return pool.hosts();
    }

    private int best(Filters filters, Weighers weighers, Demand demand) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < pool.size; h++) {
            if (filters.rejection(h, demand) == null) {
                double score = weighers.score(h, demand);
                if (score > bestScore) {
                    best = h;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /**
     * Larger instances first (decreasing dominant share), the classic first step of bin packing;
     * instances of one size keep their order.
     */
    private int[] largestFirst(List<Demand> demands) {
        if (demands.size() == 1) {
            return new int[] {0};
        }
        double[] size = new double[demands.size()];
        for (int i = 0; i < size.length; i++) {
            size[i] = pool.sizeOf(demands.get(i));
        }
        Integer[] order = new Integer[demands.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> size[i]).reversed());
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private PlacementResult.NoFit explain(Filters filters, Demand demand, int placed, int wanted) {
        Map<Cause, Integer> hosts = new EnumMap<>(Cause.class);
        for (int h = 0; h < pool.size; h++) {
            Cause cause = filters.rejection(h, demand);
            if (cause != null) {
                hosts.merge(cause, 1, Integer::sum);
            }
        }
        List<Rejection> rejections = new ArrayList<>();
        hosts.forEach((cause, count) -> rejections.add(new Rejection(cause, filters.detail(cause, demand), count)));
        rejections.sort(Comparator.comparingInt(Rejection::hosts).reversed());
        return new PlacementResult.NoFit(placed, wanted, rejections);
    }

    private void undo(int[] order, int[] chosen, int placed, List<Demand> demands, GroupState group) {
        for (int k = 0; k < placed; k++) {
            int host = chosen[order[k]];
            pool.release(host, demands.get(order[k]));
            if (group != null) {
                group.remove(host);
            }
        }
    }
}
