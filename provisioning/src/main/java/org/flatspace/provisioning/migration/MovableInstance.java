package org.flatspace.provisioning.migration;

import java.util.UUID;

import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.PlacementRules;

/**
 * An instance as migration sees it: where it runs, where it is going while a move is in flight
 * ({@code movingTo}), its size, and the rules and mobility of its tier.
 */
public record MovableInstance(UUID id, String name, long functionId, Long hostId, Long movingTo, String state,
                              Demand demand, PlacementRules rules, boolean liveMigration,
                              boolean restartOnFailure) {

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
