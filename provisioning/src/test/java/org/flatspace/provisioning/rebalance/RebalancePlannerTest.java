package org.flatspace.provisioning.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.flatspace.provisioning.rebalance.Pools.SMALL;

import java.util.Map;
import java.util.Set;

import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.Test;

/**
 * The Timefold planner on small pools whose best plan is known. Hosts are 16 vCPU, 64 GiB, 1 TB;
 * a small instance (2 vCPU, 8 GiB) takes an eighth of one. Every plan is replayed by
 * {@link PlanChecks}, which fails on any broken rule.
 */
class RebalancePlannerTest {

    private static final PlacementRules HARD_SPREAD = PlacementRules.spread(Spread.HARD);
    private static final PlacementRules AFFINITY = new PlacementRules(Spread.NONE, true, Set.of(), null, 0);

    private final RebalancePlanner planner = new RebalancePlanner();

    private RebalancePlan plan(RebalanceRequest request) {
        RebalancePlan plan = planner.plan(request);
        Map<Long, HostCapacity> after = new PlanChecks(request).replay(plan);
        assertThat(plan.imbalanceAfter()).as("imbalance after, counted afresh")
                .isCloseTo(PlanChecks.imbalance(after.values()), within(1e-9));
        assertThat(plan.emptyHostsAfter()).as("empty hosts after, counted afresh")
                .isEqualTo(PlanChecks.emptyHosts(after.values()));
        return plan;
    }

    @Test
    void balance_evensOutASkewedPoolWithTheFewestMoves() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        pool.get(1).runs(6, 1, SMALL, PlacementRules.NONE);
        pool.get(2).runs(4, 2, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        // Shares 0.75, 0.5, 0, 0 before; the best is 3, 3, 2, 2 instances: 0.375 twice, 0.25 twice.
        assertThat(plan.imbalanceBefore()).isCloseTo(0.3248, within(1e-4));
        assertThat(plan.imbalanceAfter()).isCloseTo(0.0625, within(1e-9));
        assertThat(plan.moves()).hasSize(4);
    }

    @Test
    void balance_movesNothingOnAnEvenPool() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        for (long id = 1; id <= 4; id++) {
            pool.get(id).runs(2, id, SMALL, PlacementRules.NONE);
        }

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.imbalanceBefore()).isZero();
        assertThat(plan.imbalanceAfter()).isZero();
    }

    @Test
    void balance_movesNothingForAGainSmallerThanAMigrationCosts() {
        Pools pool = Pools.pool().hosts(2, "a");
        pool.get(1).runs(3, 1, SMALL, PlacementRules.NONE);
        pool.get(2).runs(2, 2, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        // 3 and 2 instances: moving one gives 2 and 3, no better.
        assertThat(plan.moves()).isEmpty();
    }

    @Test
    void consolidate_emptiesAllButOneHostOfASparsePool() {
        Pools pool = Pools.pool().hosts(6, "a", "b", "c");
        for (long id = 1; id <= 6; id++) {
            pool.get(id).runs(1, id, SMALL, PlacementRules.NONE);
        }

        RebalancePlan plan = plan(pool.request(Goal.CONSOLIDATE, 10));

        assertThat(plan.hostsNeededLowerBound()).isEqualTo(1);
        assertThat(plan.emptyHostsBefore()).isZero();
        assertThat(plan.emptyHostsAfter()).isEqualTo(5);
        assertThat(plan.moves()).hasSize(5);
    }

    @Test
    void consolidate_spendsASmallBudgetOnTheHostsWithFewestInstances() {
        Pools pool = Pools.pool().hosts(6, "a", "b", "c");
        for (long id = 1; id <= 4; id++) {
            pool.get(id).runs(1, id, SMALL, PlacementRules.NONE);
        }
        pool.get(5).runs(3, 5, SMALL, PlacementRules.NONE);
        pool.get(6).runs(4, 6, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.CONSOLIDATE, 3));

        // Three moves empty three one-instance hosts; the three-instance host would take all three.
        assertThat(plan.emptyHostsAfter()).isEqualTo(3);
        assertThat(plan.moves()).hasSize(3);
    }

    @Test
    void maxMigrations_boundsThePlan() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        pool.get(1).runs(8, 1, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 2));

        assertThat(plan.moves()).hasSize(2);
        assertThat(plan.imbalanceAfter()).isLessThan(plan.imbalanceBefore());
    }

    @Test
    void immovableInstances_stayWhereTheyRun() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        pool.get(1).runs(2, 1, SMALL, PlacementRules.NONE);
        for (int i = 0; i < 6; i++) {
            pool.get(1).runsPinned(2, SMALL);
        }

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        // PlanChecks fails on a moved pinned instance; the two movable ones are worth moving.
        assertThat(plan.moves()).hasSize(2);
    }

    @Test
    void hostsOutOfService_keepTheirInstancesAndReceiveNone() {
        Pools pool = Pools.pool().hosts(4, "a", "b");
        pool.get(1).state("MAINTENANCE").runs(6, 1, SMALL, PlacementRules.NONE);
        pool.get(2).runs(6, 2, SMALL, PlacementRules.NONE);
        pool.get(4).state("DOWN");

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        assertThat(plan.moves()).isNotEmpty()
                .allSatisfy(move -> assertThat(move.fromHostId()).isEqualTo(2))
                .allSatisfy(move -> assertThat(move.toHostId()).isEqualTo(3));
    }

    @Test
    void liveMigration_keepsTheHypervisorType() {
        Pools pool = Pools.pool().hosts(3, "a");
        pool.get(1).runs(6, 1, SMALL, PlacementRules.NONE);
        pool.get(2).hypervisor("XEN");

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        assertThat(plan.moves()).isNotEmpty().allSatisfy(move -> assertThat(move.toHostId()).isEqualTo(3));
    }

    @Test
    void requiredTagsAndTierOvercommit_limitTheTargets() {
        PlacementRules tier = new PlacementRules(Spread.NONE, false, Set.of("ssd"), null, 1.0);
        Pools pool = Pools.pool().hosts(4, "a");
        pool.get(1).tags("ssd").runs(6, 1, SMALL, tier);
        pool.get(2).size(32, 65536, 1000).cpuOvercommit(2.0).tags("ssd");
        pool.get(3);
        pool.get(4).tags("ssd");

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        assertThat(plan.moves()).isNotEmpty().allSatisfy(move -> assertThat(move.toHostId()).isEqualTo(4));
    }

    @Test
    void hardSpread_blocksAMoveThatWouldSkewTheFunction() {
        Pools pool = spreadPool(HARD_SPREAD);

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        // One instance in each of a, b, c; moving a's to b would leave a with 0 and b with 2.
        assertThat(plan.moves()).isEmpty();
    }

    @Test
    void withoutHardSpread_theSameMoveIsMade() {
        Pools pool = spreadPool(PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        assertThat(plan.moves()).hasSize(1);
        assertThat(plan.moves().get(0).toHostId()).isEqualTo(4);
    }

    /** Host 1 (domain a) is full with pinned load and one instance of the function; host 4 (domain b) is empty. */
    private static Pools spreadPool(PlacementRules rules) {
        Pools pool = Pools.pool();
        pool.host(1).faultDomain("a").runs(1, 9, SMALL, rules);
        for (int i = 0; i < 7; i++) {
            pool.get(1).runsPinned(1, SMALL);
        }
        pool.host(2).faultDomain("b").runs(1, 9, SMALL, rules);
        pool.host(3).faultDomain("c").runs(1, 9, SMALL, rules);
        pool.host(4).faultDomain("b");
        return pool;
    }

    @Test
    void affinity_keepsAMovedInstanceInAFaultDomainWhereItsFunctionRuns() {
        Pools pool = Pools.pool();
        pool.host(1).faultDomain("a").runs(1, 9, SMALL, AFFINITY);
        for (int i = 0; i < 7; i++) {
            pool.get(1).runsPinned(1, SMALL);
        }
        pool.host(2).faultDomain("b");
        pool.host(3).faultDomain("a");

        RebalancePlan plan = plan(pool.request(Goal.BALANCE, 10));

        assertThat(plan.moves()).hasSize(1);
        assertThat(plan.moves().get(0).toHostId()).isEqualTo(3);
    }

    @Test
    void lowerBound_takesTheLargestHostsFirstPerHypervisorType() {
        Pools pool = Pools.pool();
        pool.host(1).size(32, 131072, 2000).runs(5, 1, SMALL, PlacementRules.NONE);
        pool.host(2).runs(5, 1, SMALL, PlacementRules.NONE);
        pool.host(3);
        pool.host(4).hypervisor("XEN").runs(1, 2, SMALL, PlacementRules.NONE);

        RebalancePlan plan = plan(pool.request(Goal.CONSOLIDATE, 0));

        // KVM: 20 vCPU; the 32-vCPU host alone holds it. XEN: one host.
        assertThat(plan.hostsNeededLowerBound()).isEqualTo(2);
        assertThat(plan.moves()).isEmpty();
    }
}
