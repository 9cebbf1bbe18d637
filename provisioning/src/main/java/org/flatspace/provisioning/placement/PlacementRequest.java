package org.flatspace.provisioning.placement;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Instances to place together, all or nothing, under one set of rules. {@code alreadyPlaced}
 * counts, per host id, the instances of the same business function already running: the spread
 * and affinity rules count them as well.
 */
public record PlacementRequest(List<Demand> instances, PlacementRules rules, Map<Long, Integer> alreadyPlaced) {

    public PlacementRequest {
        instances = List.copyOf(instances);
        rules = rules == null ? PlacementRules.NONE : rules;
        alreadyPlaced = alreadyPlaced == null ? Map.of() : Map.copyOf(alreadyPlaced);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("A placement request needs at least one instance");
        }
    }

    /** {@code count} instances of one size, for a function that runs nothing yet. */
    public static PlacementRequest of(int count, Demand size, PlacementRules rules) {
        return new PlacementRequest(Collections.nCopies(count, size), rules, Map.of());
    }
}
