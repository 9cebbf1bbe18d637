package org.flatspace.provisioning.placement;

import java.util.Map;

/**
 * Where one business function's instances are, per fault domain, while a request is placed: what
 * the spread and affinity rules look at. Built per request, and only when its rules need it.
 */
final class GroupState {

    private final PoolState pool;
    private final int[] perDomain;
    private final boolean[] usableDomain;
    private int placed;

    private GroupState(PoolState pool, boolean[] usableDomain) {
        this.pool = pool;
        this.perDomain = new int[pool.faultDomains];
        this.usableDomain = usableDomain;
    }

    /**
     * Counts the function's instances already placed. A fault domain is usable when one of its
     * hosts passes the filters that do not depend on room (state, hypervisor, tags, overcommit):
     * only those count for the emptiest domain, as Kubernetes counts only eligible nodes.
     */
    static GroupState of(PoolState pool, Filters filters, Map<Long, Integer> alreadyPlaced) {
        boolean[] usable = new boolean[pool.faultDomains];
        for (int h = 0; h < pool.size; h++) {
            if (filters.staticRejection(h) == null) {
                usable[pool.faultDomain[h]] = true;
            }
        }
        GroupState group = new GroupState(pool, usable);
        alreadyPlaced.forEach((hostId, count) -> {
            Integer h = pool.indexOf(hostId);
            if (h != null) {
                group.perDomain[pool.faultDomain[h]] += count;
                group.placed += count;
            }
        });
        return group;
    }

    void add(int h) {
        perDomain[pool.faultDomain[h]]++;
        placed++;
    }

    void remove(int h) {
        perDomain[pool.faultDomain[h]]--;
        placed--;
    }

    int inDomainOf(int h) {
        return perDomain[pool.faultDomain[h]];
    }

    boolean anyPlaced() {
        return placed > 0;
    }

    /** The fewest instances in any usable fault domain. */
    int fewestInUsableDomain() {
        int fewest = Integer.MAX_VALUE;
        for (int d = 0; d < perDomain.length; d++) {
            if (usableDomain[d] && perDomain[d] < fewest) {
                fewest = perDomain[d];
            }
        }
        return fewest == Integer.MAX_VALUE ? 0 : fewest;
    }
}
