package org.flatspace.provisioning.placement;

import java.util.Set;

/**
 * What a service tier demands of the hosts its instances land on. Provisioning owns this record;
 * the caller maps its tier onto it.
 *
 * @param spread           how the function's instances are spread across fault domains
 * @param affinity         keep the function's instances in the fault domains where it already runs
 *                         (the first instance chooses one)
 * @param requiredTags     tags every chosen host must have, e.g. {@code ssd}
 * @param hypervisorType   the hypervisor type the hosts must run, or null for any
 * @param maxCpuOvercommit the highest CPU overcommit ratio the tier accepts, or 0 for any
 */
public record PlacementRules(Spread spread, boolean affinity, Set<String> requiredTags, String hypervisorType,
                             double maxCpuOvercommit) {

    public static final PlacementRules NONE = new PlacementRules(Spread.NONE, false, Set.of(), null, 0);

    public PlacementRules {
        spread = spread == null ? Spread.NONE : spread;
        requiredTags = requiredTags == null ? Set.of() : Set.copyOf(requiredTags);
        if (affinity && spread == Spread.HARD) {
            throw new IllegalArgumentException("Affinity and a hard spread across fault domains exclude each other");
        }
        if (maxCpuOvercommit < 0) {
            throw new IllegalArgumentException("The highest accepted CPU overcommit is 0 (any) or a ratio");
        }
    }

    public static PlacementRules spread(Spread spread) {
        return new PlacementRules(spread, false, Set.of(), null, 0);
    }

    /** Whether placing under these rules looks at where the function's other instances are. */
    public boolean tracksGroup() {
        return spread != Spread.NONE || affinity;
    }
}
