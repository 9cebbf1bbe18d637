package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool in plain Java, changed one move at a time, with the same hard rules as the constraints:
 * what the greedy baseline plans on, and what turns a solved assignment into migrations that may
 * run one after another. Also measures a state: imbalance, empty hosts, the balance objective.
 */
final class Ledger {

    private final List<PlanHost> hosts;
    private final int maxMigrations;
    private final PlanHost[] at;
    private final long[] vcpu;
    private final long[] memory;
    private final long[] disk;
    private final int[] movedIn;
    private final List<List<PlanInstance>> on;
    private final Map<FunctionGroup, int[]> perDomain = new HashMap<>();
    private final PoolTotals totals;
    private final long[] microShare;
    private long addedShares;
    private long addedSquares;
    private int moves;

    /** The pool as it runs now, before any move. */
    Ledger(Pool pool, int maxMigrations) {
        this(pool.hosts, pool.groups, pool.domains, pool.totals, pool.instances, true, maxMigrations);
    }

    /** The solver's working state at the start of a step: each instance where the search has put it. */
    Ledger(RebalanceSolution solution) {
        this(solution.hosts, solution.groups, solution.domains, solution.totals, solution.instances, false,
                solution.budget.maxMigrations());
    }

    private Ledger(List<PlanHost> hosts, List<FunctionGroup> groups, int domains, PoolTotals totals,
                   List<PlanInstance> instances, boolean atSource, int maxMigrations) {
        this.hosts = hosts;
        this.totals = totals;
        this.maxMigrations = maxMigrations;
        at = new PlanHost[instances.size()];
        vcpu = new long[hosts.size()];
        memory = new long[hosts.size()];
        disk = new long[hosts.size()];
        movedIn = new int[hosts.size()];
        microShare = new long[hosts.size()];
        on = new ArrayList<>(hosts.size());
        for (PlanHost host : hosts) {
            on.add(new ArrayList<>());
            microShare[host.index] = host.fixedMicroShare;
        }
        for (FunctionGroup group : groups) {
            perDomain.put(group, new int[domains]);
        }
        for (PlanInstance instance : instances) {
            PlanHost host = atSource ? instance.source : instance.host;
            at[instance.index] = host;
            add(instance, host);
            moves += host != instance.source ? 1 : 0;
        }
    }

    PlanHost hostOf(PlanInstance instance) {
        return at[instance.index];
    }

    List<PlanInstance> instancesOn(PlanHost host) {
        return on.get(host.index);
    }

    int moves() {
        return moves;
    }

    boolean budgetSpent() {
        return moves >= maxMigrations;
    }

    /**
     * Whether the instance may go to the target now, by the same rules as the constraints: movable,
     * eligible, room on the target (a host that only gets its own instance back may stay above a
     * limit it was above before), the budget, affinity and the hard spread.
     */
    boolean canMove(PlanInstance instance, PlanHost target) {
        PlanHost from = at[instance.index];
        if (instance.pinned || target == from) {
            return false;
        }
        boolean back = target == instance.source;
        if (!back && !instance.eligibility.allows(target)) {
            return false;
        }
        if ((!back || movedIn[target.index] > 0) && !target.fits(vcpu[target.index] + instance.vcpu,
                memory[target.index] + instance.memory, disk[target.index] + instance.disk)) {
            return false;
        }
        if (from == instance.source && moves >= maxMigrations) {
            return false;
        }
        return keepsGroupRules(instance, target);
    }

    /** Affinity and the hard spread, for the instance on the target now. */
    boolean keepsGroupRules(PlanInstance instance, PlanHost target) {
        if (instance.affinity() && target != instance.source && !instance.group.ranIn(target.domain)) {
            return false;
        }
        return !instance.hardSpread() || keepsSpread(instance.group, at[instance.index].domain, target.domain);
    }



    /** Moves the instance, whether or not the rules allow it (checked by {@link #canMove} first, or an undo). */
    void move(PlanInstance instance, PlanHost target) {
        PlanHost from = at[instance.index];
        remove(instance, from);
        moves += (target == instance.source ? -1 : 0) + (from == instance.source ? 1 : 0);
        at[instance.index] = target;
        add(instance, target);
    }

    /**
     * How much n times the variance of the dominant shares would change if the instance moved to
     * the target (negative: better balanced), counted as the balance constraint counts it.
     */
    double balanceChange(PlanInstance instance, PlanHost target) {
        PlanHost from = at[instance.index];
        int f = from.index;
        int t = target.index;
        long shares = addedShares;
        long squares = addedSquares;
        if (PoolTotals.counts(from)) {
            long after = from.microShare(vcpu[f] - instance.vcpu, memory[f] - instance.memory, disk[f] - instance.disk);
            shares += after - microShare[f];
            squares += after * after - microShare[f] * microShare[f];
        }
        if (PoolTotals.counts(target)) {
            long after = target.microShare(vcpu[t] + instance.vcpu, memory[t] + instance.memory,
                    disk[t] + instance.disk);
            shares += after - microShare[t];
            squares += after * after - microShare[t] * microShare[t];
        }
        return totals.varianceTimesHosts(shares, squares) - totals.varianceTimesHosts(addedShares, addedSquares);
    }

    boolean fitsWith(PlanHost host, PlanInstance instance) {
        int h = host.index;
        return host.fits(vcpu[h] + instance.vcpu, memory[h] + instance.memory, disk[h] + instance.disk);
    }

    /** Whether the instance fits on the host with {@code extra} (vCPU, memory, disk) on top of what is there. */
    boolean fitsWith(PlanHost host, PlanInstance instance, long[] extra) {
        int h = host.index;
        return host.fits(vcpu[h] + extra[0] + instance.vcpu, memory[h] + extra[1] + instance.memory,
                disk[h] + extra[2] + instance.disk);
    }

    double dominantShareWith(PlanHost host, PlanInstance instance, long[] extra) {
        int h = host.index;
        return host.dominantShare(vcpu[h] + extra[0] + instance.vcpu, memory[h] + extra[1] + instance.memory,
                disk[h] + extra[2] + instance.disk);
    }

    double dominantShare(PlanHost host) {
        return host.dominantShare(vcpu[host.index], memory[host.index], disk[host.index]);
    }

    double dominantShareWith(PlanHost host, PlanInstance instance) {
        int h = host.index;
        return host.dominantShare(vcpu[h] + instance.vcpu, memory[h] + instance.memory, disk[h] + instance.disk);
    }

    boolean isEmpty(PlanHost host) {
        return on.get(host.index).isEmpty() && !host.hasFixedLoad();
    }

    /**
     * The imbalance: the standard deviation (population) of the dominant shares of the ACTIVE hosts
     * that offer any capacity.
     */
    double imbalance() {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (PlanHost host : hosts) {
            if (host.active && host.hasCapacity()) {
                double share = dominantShare(host);
                sum += share;
                squares += share * share;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }

    int emptyHosts() {
        int empty = 0;
        for (PlanHost host : hosts) {
            empty += host.active && isEmpty(host) ? 1 : 0;
        }
        return empty;
    }

    private boolean keepsSpread(FunctionGroup group, int fromDomain, int toDomain) {
        if (fromDomain == toDomain) {
            return true;
        }
        int[] counts = perDomain.get(group);
        counts[fromDomain]--;
        counts[toDomain]++;
        int skew = group.skew(counts);
        counts[fromDomain]++;
        counts[toDomain]--;
        return skew <= group.allowedSkew;
    }

    private void add(PlanInstance instance, PlanHost host) {
        int h = host.index;
        vcpu[h] += instance.vcpu;
        memory[h] += instance.memory;
        disk[h] += instance.disk;
        movedIn[h] += host != instance.source ? 1 : 0;
        on.get(h).add(instance);
        count(instance, host, 1);
        reshare(host);
    }

    private void remove(PlanInstance instance, PlanHost host) {
        int h = host.index;
        vcpu[h] -= instance.vcpu;
        memory[h] -= instance.memory;
        disk[h] -= instance.disk;
        movedIn[h] -= host != instance.source ? 1 : 0;
        on.get(h).remove(instance);
        count(instance, host, -1);
        reshare(host);
    }

    private void reshare(PlanHost host) {
        int h = host.index;
        long share = host.microShare(vcpu[h], memory[h], disk[h]);
        if (PoolTotals.counts(host)) {
            addedShares += share - microShare[h];
            addedSquares += share * share - microShare[h] * microShare[h];
        }
        microShare[h] = share;
    }

    private void count(PlanInstance instance, PlanHost host, int delta) {
        if (instance.group != null) {
            perDomain.get(instance.group)[host.domain] += delta;
        }
    }
}
