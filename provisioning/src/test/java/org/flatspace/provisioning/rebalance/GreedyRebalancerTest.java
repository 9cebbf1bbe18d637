package org.flatspace.provisioning.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.flatspace.provisioning.rebalance.Pools.SMALL;

import org.flatspace.provisioning.placement.PlacementRules;
import org.junit.jupiter.api.Test;

/** The baseline on the pools of {@link RebalancePlannerTest} whose answer is known. */
class GreedyRebalancerTest {

    private final GreedyRebalancer greedy = new GreedyRebalancer();

    private RebalancePlan plan(RebalanceRequest request) {
        RebalancePlan plan = greedy.plan(request);
        new PlanChecks(request).replay(plan);
        return plan;
    }

    @Test
    void balance_evensOutASkewedPool() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        pool.get(1).runs(6, 1, SMALL, PlacementRules.NONE);
        pool.get(2).runs(4, 2, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        assertThat(plan.imbalanceAfter()).isCloseTo(0.0625, within(1e-9));
        assertThat(plan.moves()).hasSize(4);
    }

    @Test
    void balance_stopsAtTheBudget() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        pool.get(1).runs(8, 1, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 2));

        assertThat(plan.moves()).hasSize(2);
    }

    @Test
    void balance_movesNothingOnAnEvenPool() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        for (long id = 1; id <= 4; id++) {
            pool.get(id).runs(2, id, SMALL, PlacementRules.NONE);
        }

        assertThat(plan(pool.request(Goal.BALANCE, 10)).moves()).isEmpty();
    }

    @Test
    void consolidate_emptiesAllButOneHostOfASparsePool() {
        Pools pool = Pools.pool().hosts(6, "a", "b", "c");
        for (long id = 1; id <= 6; id++) {
            pool.get(id).runs(1, id, SMALL, PlacementRules.NONE);
        }

        RebalancePlan plan = plan(pool.request(Goal.CONSOLIDATE, 10));

        assertThat(plan.emptyHostsAfter()).isEqualTo(5);
        assertThat(plan.moves()).hasSize(5);
    }

    @Test
    void consolidate_emptiesAHostOnlyWhenAllItsInstancesFit() {
        Pools pool = Pools.pool().hosts(2, "a");
        pool.get(1).runs(4, 1, SMALL, PlacementRules.NONE);
        pool.get(2).runs(6, 2, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.CONSOLIDATE, 10));

        // Host 2 has room for 2 of host 1's 4: no move at all.
        assertThat(plan.moves()).isEmpty();
    }
}
