package org.flatspace.provisioning.rebalance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns where the instances should end up into a plan that can run: first it takes back every move
 * that does not pay (BALANCE: it lowers the balance objective by less than a migration costs;
 * CONSOLIDATE: the host it left still holds something), then it orders the rest so that each one,
 * run after the ones before it, keeps every hard rule. A move that cannot be ordered (two full hosts
 * swapping instances) is left out: the plan's every prefix, and so its end, is a state the rules allow.
 */
final class PlanFinisher {

    private static final Logger LOG = LoggerFactory.getLogger(PlanFinisher.class);
    private static final double MIGRATION_COST = (double) RebalanceConstraints.MIGRATION_COST_POINTS
            / RebalanceConstraints.SHARE_SCALE;

    private final Pool pool;
    private final Goal goal;
    private final int maxMigrations;

    PlanFinisher(Pool pool, Goal goal, int maxMigrations) {
        this.pool = pool;
        this.goal = goal;
        this.maxMigrations = maxMigrations;
    }

    RebalancePlan finish(PlanHost[] wanted, long startNanos) {
        Ledger before = new Ledger(pool, maxMigrations);
        List<Move> moves = new ArrayList<>();
        Ledger after = before;
        PlanHost[] target = wanted;
        for (int round = 0; round < 3; round++) {
            target = withoutIdleMoves(target);
            after = new Ledger(pool, maxMigrations);
            moves = sequence(after, target);
            if (moves.size() == countMoves(target)) {
                break;
            }
            target = where(after);
        }
        LOG.debug("{}: {} migrations wanted, {} kept (the rest did not pay or could not be ordered)", goal,
                countMoves(wanted), moves.size());
        return new RebalancePlan(goal, moves, before.imbalance(), after.imbalance(), before.emptyHosts(),
                after.emptyHosts(), LowerBound.hostsNeeded(pool), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private PlanHost[] withoutIdleMoves(PlanHost[] wanted) {
        Ledger ledger = new Ledger(pool, Integer.MAX_VALUE);
        for (PlanInstance instance : pool.instances) {
            if (wanted[instance.index] != instance.source) {
                ledger.move(instance, wanted[instance.index]);
            }
        }
        boolean reverted = true;
        while (reverted) {
            reverted = false;
            for (PlanInstance instance : pool.instances) {
                if (ledger.hostOf(instance) != instance.source && idle(ledger, instance)) {
                    ledger.move(instance, instance.source);
                    reverted = true;
                }
            }
        }
        return where(ledger);
    }

    private boolean idle(Ledger ledger, PlanInstance instance) {
        if (!ledger.canMove(instance, instance.source)) {
            return false;
        }
        return switch (goal) {
            case BALANCE -> ledger.balanceChange(instance, instance.source) < MIGRATION_COST;
            case CONSOLIDATE -> !ledger.isEmpty(instance.source);
        };
    }

    /** Runs the wanted moves whenever they are allowed, pass after pass, until none is left or none can run. */
    private List<Move> sequence(Ledger ledger, PlanHost[] wanted) {
        List<PlanInstance> pending = new ArrayList<>();
        for (PlanInstance instance : pool.instances) {
            if (wanted[instance.index] != instance.source) {
                pending.add(instance);
            }
        }
        List<Move> moves = new ArrayList<>(pending.size());
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (Iterator<PlanInstance> it = pending.iterator(); it.hasNext(); ) {
                PlanInstance instance = it.next();
                PlanHost target = wanted[instance.index];
                if (ledger.canMove(instance, target)) {
                    moves.add(new Move(instance.id, instance.source.id, target.id));
                    ledger.move(instance, target);
                    it.remove();
                    progress = true;
                }
            }
        }
        return moves;
    }

    private PlanHost[] where(Ledger ledger) {
        PlanHost[] hosts = new PlanHost[pool.instances.size()];
        for (PlanInstance instance : pool.instances) {
            hosts[instance.index] = ledger.hostOf(instance);
        }
        return hosts;
    }

    private int countMoves(PlanHost[] wanted) {
        int count = 0;
        for (PlanInstance instance : pool.instances) {
            count += wanted[instance.index] != instance.source ? 1 : 0;
        }
        return count;
    }
}
