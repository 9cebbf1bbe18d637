package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baseline the planner is measured against: the greedy rules an operator would write, on the
 * same model and rules, one allowed move at a time.
 * <ul>
 * <li>BALANCE: take the most loaded host and make the one move off it that lowers the balance
 * objective most, if by more than a migration costs; a host with no such move is passed over from
 * then on. Until the budget is spent or every host is passed over.</li>
 * <li>CONSOLIDATE (in the manner of vSphere DPM): hosts from the least loaded up, each emptied only if
 * all its instances fit, largest first and best fit, on hosts that stay occupied, within the budget.</li>
 * </ul>
 */
public final class GreedyRebalancer {

    private static final double MIGRATION_COST = (double) RebalanceConstraints.MIGRATION_COST_POINTS
            / RebalanceConstraints.SHARE_SCALE;

    public RebalancePlan plan(RebalanceRequest request) {
        long start = System.nanoTime();
        Pool pool = Pool.of(request);
        Ledger ledger = new Ledger(pool, request.maxMigrations());
        switch (request.goal()) {
            case BALANCE -> balance(pool, ledger);
            case CONSOLIDATE -> consolidate(pool, ledger, request.maxMigrations());
        }
        PlanHost[] wanted = new PlanHost[pool.instances.size()];
        pool.instances.forEach(instance -> wanted[instance.index] = ledger.hostOf(instance));
        return new PlanFinisher(pool, request.goal(), request.maxMigrations()).finish(wanted, start);
    }

    private static void balance(Pool pool, Ledger ledger) {
        boolean[] passedOver = new boolean[pool.hosts.size()];
        PlanHost host = mostLoaded(pool, ledger, passedOver);
        while (host != null) {
            if (!bestMoveOff(host, ledger)) {
                passedOver[host.index] = true;
            }
            host = mostLoaded(pool, ledger, passedOver);
        }
    }

    private static PlanHost mostLoaded(Pool pool, Ledger ledger, boolean[] passedOver) {
        PlanHost most = null;
        double highest = -1;
        for (PlanHost host : pool.hosts) {
            if (host.active && !passedOver[host.index] && ledger.dominantShare(host) > highest) {
                most = host;
                highest = ledger.dominantShare(host);
            }
        }
        return most;
    }

    /** Makes the best move off the host, if one pays; false when none does. */
    private static boolean bestMoveOff(PlanHost host, Ledger ledger) {
        PlanInstance bestInstance = null;
        PlanHost bestTarget = null;
        double bestChange = -MIGRATION_COST;
        for (PlanInstance instance : ledger.instancesOn(host)) {
            for (PlanHost target : instance.targets) {
                if (ledger.canMove(instance, target)) {
                    double change = ledger.balanceChange(instance, target);
                    if (change < bestChange) {
                        bestChange = change;
                        bestInstance = instance;
                        bestTarget = target;
                    }
                }
            }
        }
        if (bestInstance == null) {
            return false;
        }
        ledger.move(bestInstance, bestTarget);
        return true;
    }

    private static void consolidate(Pool pool, Ledger ledger, int maxMigrations) {
        List<PlanHost> candidates = new ArrayList<>();
        for (PlanHost host : pool.hosts) {
            if (host.active && !ledger.isEmpty(host)) {
                candidates.add(host);
            }
        }
        candidates.sort(Comparator.comparingDouble(ledger::dominantShare));
        for (PlanHost host : candidates) {
            List<PlanInstance> instances = new ArrayList<>(ledger.instancesOn(host));
            if (!host.hasFixedLoad() && ledger.moves() + instances.size() <= maxMigrations) {
                empty(host, instances, ledger);
            }
        }
    }

    /** Moves all the instances off the host, or none. */
    private static void empty(PlanHost host, List<PlanInstance> instances, Ledger ledger) {
        instances.sort(Comparator.comparingDouble((PlanInstance i) -> host.dominantShare(i.vcpu, i.memory, i.disk))
                .reversed());
        List<PlanInstance> moved = new ArrayList<>();
        for (PlanInstance instance : instances) {
            PlanHost target = bestFit(instance, host, ledger);
            if (target == null) {
                for (int k = moved.size() - 1; k >= 0; k--) {
                    ledger.move(moved.get(k), host);
                }
                return;
            }
            ledger.move(instance, target);
            moved.add(instance);
        }
    }

    /** The occupied host, other than the one being emptied, that ends fullest with the instance. */
    private static PlanHost bestFit(PlanInstance instance, PlanHost emptying, Ledger ledger) {
        PlanHost best = null;
        double fullest = -1;
        for (PlanHost target : instance.targets) {
            if (target != emptying && !ledger.isEmpty(target) && ledger.canMove(instance, target)) {
                double share = ledger.dominantShareWith(target, instance);
                if (share > fullest) {
                    fullest = share;
                    best = target;
                }
            }
        }
        return best;
    }
}
