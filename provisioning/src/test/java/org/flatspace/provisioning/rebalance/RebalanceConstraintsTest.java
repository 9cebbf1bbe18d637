package org.flatspace.provisioning.rebalance;

import java.util.List;
import java.util.UUID;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

/** One test per constraint, on hand-made model objects. Hosts: 16 vCPU, 64 GiB, 1 TB unless told. */
class RebalanceConstraintsTest {

    private final ConstraintVerifier<RebalanceConstraints, RebalanceSolution> verifier =
            ConstraintVerifier.build(new RebalanceConstraints(), RebalanceSolution.class, PlanInstance.class);

    private int instances;

    private static PlanHost host(int index, int domain) {
        return new PlanHost(index, index + 1, true, "KVM", domain, new long[] {16, 65536, 1000}, new long[3]);
    }

    private static PlanHost hostWithFixedLoad(int index, long vcpu) {
        return new PlanHost(index, index + 1, true, "KVM", 0, new long[] {16, 65536, 1000}, new long[] {vcpu, 0, 0});
    }

    private static PlanHost inactiveHost(int index) {
        return new PlanHost(index, index + 1, false, "KVM", 0, new long[] {16, 65536, 1000}, new long[3]);
    }

    /** An instance that ran on {@code source} and is now on {@code host}. */
    private PlanInstance instance(int vcpu, PlanHost source, PlanHost host, FunctionGroup group, PlanHost... eligible) {
        PlanInstance instance = new PlanInstance(instances++, UUID.randomUUID(), 1, vcpu, 1024, 10, source, group,
                new Eligibility(List.of(eligible)), false);
        instance.host = host;
        return instance;
    }

    private PlanInstance instance(int vcpu, PlanHost source, PlanHost host) {
        return instance(vcpu, source, host, null, source, host);
    }

    @Test
    void hostCapacity_penalisesAHostThatReceivesMoreThanItsLimit() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        verifier.verifyThat(RebalanceConstraints::hostCapacity)
                .given(instance(10, a, b), instance(8, b, b))
                .penalizesBy(125); // 18 of 16 vCPU: 2/16 over, in thousandths
    }

    @Test
    void hostCapacity_leavesAHostAboveItsLimitThatReceivesNothing() {
        PlanHost a = hostWithFixedLoad(0, 12);
        PlanHost b = host(1, 0);
        verifier.verifyThat(RebalanceConstraints::hostCapacity)
                .given(instance(8, a, a), instance(2, a, b))
                .penalizesBy(0);
    }

    @Test
    void hostCapacity_countsTheFixedLoad() {
        PlanHost a = host(0, 0);
        PlanHost b = hostWithFixedLoad(1, 10);
        verifier.verifyThat(RebalanceConstraints::hostCapacity)
                .given(instance(8, a, b))
                .penalizesBy(125);
    }

    @Test
    void eligibleTarget_penalisesAMoveToAHostOutsideTheInstancesRange() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        PlanHost c = host(2, 0);
        verifier.verifyThat(RebalanceConstraints::eligibleTarget)
                .given(instance(2, a, c, null, a, b), instance(2, a, b, null, a, b), instance(2, c, c, null, a))
                .penalizesBy(1);
    }

    @Test
    void hardSpread_penalisesASkewAboveOneByHowMuch() {
        PlanHost[] hosts = {host(0, 0), host(1, 1), host(2, 2)};
        FunctionGroup group = new FunctionGroup(7, true, false, new boolean[] {true, true, true}, new int[] {1, 1, 1});
        verifier.verifyThat(RebalanceConstraints::hardSpread)
                .given(instance(1, hosts[0], hosts[0], group), instance(1, hosts[1], hosts[0], group),
                        instance(1, hosts[2], hosts[0], group))
                .penalizesBy(2); // 3, 0, 0: skew 3
    }

    @Test
    void hardSpread_allowsTheSkewThePoolAlreadyHad() {
        PlanHost[] hosts = {host(0, 0), host(1, 1)};
        FunctionGroup group = new FunctionGroup(7, true, false, new boolean[] {true, true}, new int[] {3, 0});
        verifier.verifyThat(RebalanceConstraints::hardSpread)
                .given(instance(1, hosts[0], hosts[0], group), instance(1, hosts[0], hosts[0], group),
                        instance(1, hosts[0], hosts[1], group))
                .penalizesBy(0); // 2, 1 after 3, 0 before
    }

    @Test
    void hardSpread_countsOnlyUsableFaultDomains() {
        PlanHost[] hosts = {host(0, 0), host(1, 1), host(2, 2)};
        FunctionGroup group = new FunctionGroup(7, true, false, new boolean[] {true, true, false}, new int[] {1, 1, 2});
        verifier.verifyThat(RebalanceConstraints::hardSpread)
                .given(instance(1, hosts[0], hosts[0], group), instance(1, hosts[1], hosts[1], group),
                        instance(1, hosts[2], hosts[2], group), instance(1, hosts[2], hosts[2], group))
                .penalizesBy(0);
    }

    @Test
    void affinity_penalisesAMoveIntoAFaultDomainWhereTheFunctionDidNotRun() {
        PlanHost[] hosts = {host(0, 0), host(1, 0), host(2, 1)};
        FunctionGroup group = new FunctionGroup(7, false, true, new boolean[] {true, true}, new int[] {2, 0});
        verifier.verifyThat(RebalanceConstraints::affinity)
                .given(instance(1, hosts[0], hosts[1], group), instance(1, hosts[0], hosts[2], group))
                .penalizesBy(1);
    }

    @Test
    void migrationLimit_penalisesEachMoveOverTheBudget() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        verifier.verifyThat(RebalanceConstraints::migrationLimit)
                .given(new MigrationBudget(1), instance(1, a, b), instance(1, a, b), instance(1, a, b),
                        instance(1, a, a))
                .penalizesBy(2);
    }

    @Test
    void migrationLimit_acceptsAPlanWithinTheBudget() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        verifier.verifyThat(RebalanceConstraints::migrationLimit)
                .given(new MigrationBudget(2), instance(1, a, b), instance(1, a, b), instance(1, a, a))
                .penalizesBy(0);
    }

    @Test
    void occupiedHost_countsTheActiveHostsThatHoldAnInstance() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        PlanHost down = inactiveHost(2);
        verifier.verifyThat(RebalanceConstraints::occupiedHost)
                .given(instance(1, a, a), instance(1, a, a), instance(1, b, b), instance(1, down, down))
                .penalizesBy(2);
    }

    @Test
    void loadImbalance_isHostsTimesTheVarianceOfTheDominantShares() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        PoolTotals totals = PoolTotals.of(List.of(a, b));
        // Shares 0.25 and 0: mean 0.125, variance 0.015625, times 2 hosts, in millionths.
        verifier.verifyThat(RebalanceConstraints::loadImbalance)
                .given(totals, instance(4, a, a))
                .penalizesBy(31_250);
    }

    @Test
    void loadImbalance_isZeroOnAnEvenPool() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        PoolTotals totals = PoolTotals.of(List.of(a, b));
        verifier.verifyThat(RebalanceConstraints::loadImbalance)
                .given(totals, instance(4, a, a), instance(4, a, b))
                .penalizesBy(0);
    }

    @Test
    void loadImbalance_countsTheFixedLoadOfHostsWithoutInstances() {
        PlanHost a = host(0, 0);
        PlanHost b = hostWithFixedLoad(1, 4);
        PoolTotals totals = PoolTotals.of(List.of(a, b));
        verifier.verifyThat(RebalanceConstraints::loadImbalance)
                .given(totals, instance(4, b, a))
                .penalizesBy(0); // 4 vCPU each: 4 fixed on b, the instance on a
    }

    @Test
    void migrationCost_chargesEachMovedInstance() {
        PlanHost a = host(0, 0);
        PlanHost b = host(1, 0);
        verifier.verifyThat(RebalanceConstraints::migrationCost)
                .given(instance(1, a, b), instance(1, b, a), instance(1, a, a))
                .penalizesBy(2 * RebalanceConstraints.MIGRATION_COST_POINTS);
    }
}
