package org.flatspace.provisioning.placement;

/**
 * The filters of one request, one method each, run in the order of {@link Cause}: the cheap and
 * static ones first. {@link #rejection} gives the first cause that turns a host away, or null when
 * the host may take the instance.
 */
final class Filters {

    private final PoolState pool;
    private final PlacementRules rules;
    private GroupState group;
    private int spreadCeiling;

    Filters(PoolState pool, PlacementRules rules) {
        this.pool = pool;
        this.rules = rules;
    }

    /** Needed by the spread and affinity filters; without it they let every host pass. */
    void track(GroupState group) {
        this.group = group;
    }

    /** Call before each instance: the emptiest usable domain changes as instances land. */
    void prepare() {
        if (group != null && rules.spread() == Spread.HARD) {
            spreadCeiling = group.fewestInUsableDomain() + 1;
        }
    }

    Cause rejection(int h, Demand d) {
        Cause cause = staticRejection(h);
        if (cause != null) {
            return cause;
        }
        if (!hasVcpu(h, d)) {
            return Cause.SHORT_OF_VCPU;
        }
        if (!hasMemory(h, d)) {
            return Cause.SHORT_OF_MEMORY;
        }
        if (!hasDisk(h, d)) {
            return Cause.SHORT_OF_DISK;
        }
        if (!keepsHardSpread(h)) {
            return Cause.BREAKS_SPREAD;
        }
        if (!keepsAffinity(h)) {
            return Cause.BREAKS_AFFINITY;
        }
        return null;
    }

    /** The filters that do not depend on what is allocated. */
    Cause staticRejection(int h) {
        if (!isActive(h)) {
            return inactiveCause(pool.states[h]);
        }
        if (!runsRequiredHypervisor(h)) {
            return Cause.OTHER_HYPERVISOR;
        }
        if (!acceptsTierOvercommit(h)) {
            return Cause.CPU_OVERCOMMITTED;
        }
        if (!hasRequiredTags(h)) {
            return Cause.MISSING_TAGS;
        }
        return null;
    }

    boolean isActive(int h) {
        return pool.active[h];
    }

    boolean runsRequiredHypervisor(int h) {
        return rules.hypervisorType() == null || rules.hypervisorType().equals(pool.hypervisors[h]);
    }

    /** A tier that accepts at most 2:1 CPU overcommit goes to no host that overcommits more. */
    boolean acceptsTierOvercommit(int h) {
        return rules.maxCpuOvercommit() == 0 || pool.cpuOvercommit[h] <= rules.maxCpuOvercommit();
    }

    boolean hasRequiredTags(int h) {
        return rules.requiredTags().isEmpty() || pool.tags[h].containsAll(rules.requiredTags());
    }

    boolean hasVcpu(int h, Demand d) {
        return pool.allocVcpu[h] + d.vcpu() <= pool.limitVcpu[h];
    }

    boolean hasMemory(int h, Demand d) {
        return pool.allocMemory[h] + d.memoryMib() <= pool.limitMemory[h];
    }

    boolean hasDisk(int h, Demand d) {
        return pool.allocDisk[h] + d.diskGib() <= pool.limitDisk[h];
    }

    /** One more instance in this host's domain may not leave it two above the emptiest usable one. */
    boolean keepsHardSpread(int h) {
        return group == null || rules.spread() != Spread.HARD || group.inDomainOf(h) + 1 <= spreadCeiling;
    }

    /** Once the function runs somewhere, only the fault domains where it runs. */
    boolean keepsAffinity(int h) {
        return group == null || !rules.affinity() || !group.anyPlaced() || group.inDomainOf(h) > 0;
    }

    String detail(Cause cause, Demand d) {
        return switch (cause) {
            case OTHER_HYPERVISOR -> rules.hypervisorType();
            case CPU_OVERCOMMITTED -> String.valueOf(rules.maxCpuOvercommit());
            case MISSING_TAGS -> String.join(", ", rules.requiredTags().stream().sorted().toList());
            case SHORT_OF_VCPU -> d.vcpu() + " vCPU";
            case SHORT_OF_MEMORY -> mib(d.memoryMib()) + " memory";
            case SHORT_OF_DISK -> d.diskGib() + " GiB disk";
            default -> "";
        };
    }

    private static Cause inactiveCause(String state) {
        if ("MAINTENANCE".equals(state)) {
            return Cause.IN_MAINTENANCE;
        }
        if (HostCapacity.LEAVING.equals(state)) {
            return Cause.BEING_EMPTIED;
        }
        return "DOWN".equals(state) ? Cause.DOWN : Cause.NOT_ACTIVE;
    }

    private static String mib(long mib) {
        return mib % 1024 == 0 ? mib / 1024 + " GiB" : mib + " MiB";
    }
}
