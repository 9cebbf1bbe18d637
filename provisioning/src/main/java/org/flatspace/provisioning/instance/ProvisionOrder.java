package org.flatspace.provisioning.instance;

import java.util.List;
import java.util.UUID;

import org.flatspace.provisioning.placement.PlacementRules;

/**
 * Start these instances, all of one shape, for one business function, under the placement rules
 * and mobility of its service tier. The caller chooses the instance ids, stable across retries, which makes
 * provisioning idempotent.
 */
public record ProvisionOrder(String orderKey, long teamId, long functionId, String functionName, String sizeName,
                             int vcpu, long memoryMib, long diskGib, List<UUID> instanceIds, PlacementRules rules,
                             Mobility mobility) {

    public ProvisionOrder {
        instanceIds = List.copyOf(instanceIds);
        if (instanceIds.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one instance");
        }
        rules = rules == null ? PlacementRules.NONE : rules;
        mobility = mobility == null ? Mobility.DEFAULT : mobility;
    }

    /** An order whose instances may be live-migrated and are not restarted after a host failure. */
    public ProvisionOrder(String orderKey, long teamId, long functionId, String functionName, String sizeName,
                          int vcpu, long memoryMib, long diskGib, List<UUID> instanceIds, PlacementRules rules) {
        this(orderKey, teamId, functionId, functionName, sizeName, vcpu, memoryMib, diskGib, instanceIds, rules,
                Mobility.DEFAULT);
    }

    /** An order without placement rules. */
    public ProvisionOrder(String orderKey, long teamId, long functionId, String functionName, String sizeName,
                          int vcpu, long memoryMib, long diskGib, List<UUID> instanceIds) {
        this(orderKey, teamId, functionId, functionName, sizeName, vcpu, memoryMib, diskGib, instanceIds,
                PlacementRules.NONE, Mobility.DEFAULT);
    }
}
