package org.flatspace.provisioning.rebalance;

import java.util.Objects;
import java.util.UUID;

import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.PlacementRules;

/**
 * An instance as it runs now. {@code movable=false} pins it (e.g. it is being migrated, or the
 * admin pinned it). The instances of one business function share its spread and affinity rules.
 */
public record PlacedInstance(UUID id, long functionId, long hostId, Demand demand, PlacementRules rules,
                             boolean movable) {

    public PlacedInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(demand, "demand");
        rules = rules == null ? PlacementRules.NONE : rules;
    }
}
