package org.flatspace.workflows.placement;

import org.flatspace.config.catalog.TierInfo;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;

/**
 * A service tier's rules as provisioning takes them: a tier that spreads across fault domains
 * spreads hard (no fault domain more than one instance ahead of the emptiest), and no instance
 * lands on a host that overcommits CPU more than the tier accepts.
 */
public final class TierRules {

    private TierRules() {
    }

    public static PlacementRules of(TierInfo tier) {
        return new PlacementRules(tier.spreadAcrossFaultDomains() ? Spread.HARD : Spread.NONE, false, null, null,
                tier.maxCpuOvercommit());
    }
}
