package org.flatspace.provisioning.rebalance;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countTri;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.max;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.min;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;

/**
 * The rules of a plan, one method per constraint. Hard: what placement's filters demand of every
 * moved instance's target, the spread and affinity of its function, and the migration budget.
 * Medium: hosts left occupied (CONSOLIDATE only). Soft: the balance objective (BALANCE only) and a
 * cost per migration, so that a move is proposed only when it is worth one.
 *
 * <p>Everything per host is one group by host ({@link HostLoad}), so a move touches two groups and
 * no constraint joins instances with instances. Public only because Timefold instantiates it.
 */
public final class RebalanceConstraints implements ConstraintProvider {

    static final String HOST_CAPACITY = "Host capacity";
    static final String ELIGIBLE_TARGET = "Eligible target";
    static final String HARD_SPREAD = "Hard spread";
    static final String AFFINITY = "Affinity";
    static final String MIGRATION_LIMIT = "Migration limit";
    static final String OCCUPIED_HOST = "Occupied host";
    static final String LOAD_IMBALANCE = "Load imbalance";
    static final String MIGRATION_COST = "Migration cost";

    /** Soft points per unit of n times the variance of the dominant shares. */
    static final long SHARE_SCALE = 1_000_000;
    /**
     * Soft points per migration: a move must take 0.0005 off n times the variance. Moving an
     * instance of dominant share d from a host at share a to one of the same size at share b takes
     * about 2d(a - b - d) off, so a 2-vCPU instance on 64-vCPU hosts (d = 0.03) moves only between
     * hosts more than 3.9 points of share apart.
     */
    static final long MIGRATION_COST_POINTS = 500;

    private static final Predicate<PlanInstance> ON_ACTIVE_HOST = instance -> instance.host.active;
    private static final Function<PlanInstance, PlanHost> HOST = instance -> instance.host;

    public RebalanceConstraints() {
        // Timefold creates it by reflection.
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                hostCapacity(factory), eligibleTarget(factory), hardSpread(factory), affinity(factory),
                migrationLimit(factory), occupiedHost(factory), loadImbalance(factory), migrationCost(factory)};
    }

    /** Turns off the constraints of the other goal. */
    static ConstraintWeightOverrides<HardMediumSoftLongScore> weightsFor(Goal goal) {
        HardMediumSoftLongScore off = HardMediumSoftLongScore.ZERO;
        return switch (goal) {
            case BALANCE -> ConstraintWeightOverrides.of(Map.of(OCCUPIED_HOST, off));
            case CONSOLIDATE -> ConstraintWeightOverrides.of(Map.of(LOAD_IMBALANCE, off));
        };
    }

    /**
     * A host that receives an instance must end within its limits on every resource (placement's
     * hasVcpu, hasMemory, hasDisk). A host that receives nothing may stay above a limit it was above
     * already: the plan does not make it worse. Penalised per resource by the overflow in thousandths
     * of the limit, at least 1.
     */
    Constraint hostCapacity(ConstraintFactory factory) {
        return hostLoads(factory)
                .filter((host, load) -> load.movedIn() > 0 && !host.fits(load.vcpu(), load.memory(), load.disk()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, RebalanceConstraints::overflow)
                .asConstraint(HOST_CAPACITY);
    }

    /**
     * A moved instance lands on an ACTIVE host of its current host's hypervisor type that passes its
     * tier's static rules. The value ranges hold only such hosts; this makes a broken range visible.
     */
    Constraint eligibleTarget(ConstraintFactory factory) {
        return factory.forEach(PlanInstance.class)
                .filter(instance -> instance.moved() && !instance.eligibility.allows(instance.host))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(ELIGIBLE_TARGET);
    }

    /** A function with a hard spread ends with its skew within what it allows, by how much it is over. */
    Constraint hardSpread(ConstraintFactory factory) {
        return factory.forEach(PlanInstance.class)
                .filter(instance -> instance.hardSpread() && instance.group.isUsable(instance.host.domain))
                .groupBy(instance -> instance.group, instance -> instance.host.domain, count())
                .groupBy((group, domain, count) -> group, max(RebalanceConstraints::countOf),
                        min(RebalanceConstraints::countOf), countTri())
                .filter((group, most, fewest, occupied) -> group.skew(most, fewest, occupied) > group.allowedSkew)
                .penalize(HardMediumSoftLongScore.ONE_HARD,
                        (group, most, fewest, occupied) -> group.skew(most, fewest, occupied) - group.allowedSkew)
                .asConstraint(HARD_SPREAD);
    }

    /** A moved instance of a function with affinity stays in a fault domain where the function ran. */
    Constraint affinity(ConstraintFactory factory) {
        return factory.forEach(PlanInstance.class)
                .filter(instance -> instance.moved() && instance.affinity()
                        && !instance.group.ranIn(instance.host.domain))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(AFFINITY);
    }

    /** At most the budget's migrations, by how many it is over. */
    Constraint migrationLimit(ConstraintFactory factory) {
        return factory.forEach(PlanInstance.class)
                .filter(PlanInstance::moved)
                .groupBy(count())
                .join(MigrationBudget.class)
                .filter((moves, budget) -> moves > budget.maxMigrations())
                .penalize(HardMediumSoftLongScore.ONE_HARD, (moves, budget) -> moves - budget.maxMigrations())
                .asConstraint(MIGRATION_LIMIT);
    }

    /** CONSOLIDATE: every ACTIVE host that still holds an instance. */
    Constraint occupiedHost(ConstraintFactory factory) {
        return hostLoads(factory)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint(OCCUPIED_HOST);
    }

    /**
     * BALANCE: the imbalance itself, as n times the variance of the dominant shares of the ACTIVE
     * hosts (n hosts), in millionths. Each host holding listed instances adds how far they raise its
     * share and its square above its fixed load's; {@link PoolTotals} holds the rest. The sums are
     * exact integers, so the incremental score never drifts.
     */
    Constraint loadImbalance(ConstraintFactory factory) {
        return hostLoads(factory)
                .filter((host, load) -> PoolTotals.counts(host))
                .groupBy(sumLong(RebalanceConstraints::addedShare), sumLong(RebalanceConstraints::addedSquare))
                .join(PoolTotals.class)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (shares, squares, totals) ->
                        Math.round(totals.varianceTimesHosts(shares, squares) * SHARE_SCALE))
                .asConstraint(LOAD_IMBALANCE);
    }

    /** Every migration costs, so that no pointless one is proposed. */
    Constraint migrationCost(ConstraintFactory factory) {
        return factory.forEach(PlanInstance.class)
                .filter(PlanInstance::moved)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, instance -> MIGRATION_COST_POINTS)
                .asConstraint(MIGRATION_COST);
    }

    /**
     * Each ACTIVE host holding listed instances, with what they add up to. The same function objects
     * each time, so that Timefold builds the group once and shares it between the constraints.
     */
    private static BiConstraintStream<PlanHost, HostLoad> hostLoads(ConstraintFactory factory) {
        return factory.forEach(PlanInstance.class)
                .filter(ON_ACTIVE_HOST)
                .groupBy(HOST, HostLoad.SUM);
    }

    private static Integer countOf(FunctionGroup group, Integer domain, Integer count) {
        return count;
    }

    private static long addedShare(PlanHost host, HostLoad load) {
        return host.microShare(load.vcpu(), load.memory(), load.disk()) - host.fixedMicroShare;
    }

    private static long addedSquare(PlanHost host, HostLoad load) {
        long share = host.microShare(load.vcpu(), load.memory(), load.disk());
        return share * share - host.fixedMicroShare * host.fixedMicroShare;
    }

    static long overflow(PlanHost host, HostLoad load) {
        return overflow(host.fixedVcpu + load.vcpu(), host.limitVcpu)
                + overflow(host.fixedMemory + load.memory(), host.limitMemory)
                + overflow(host.fixedDisk + load.disk(), host.limitDisk);
    }

    private static long overflow(long used, long limit) {
        if (used <= limit) {
            return 0;
        }
        return limit <= 0 ? 1000 : Math.max(1, (used - limit) * 1000 / limit);
    }
}
