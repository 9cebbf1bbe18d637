package org.flatspace.provisioning.rebalance;

import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementRules;

/**
 * Placement's filters that do not depend on room, as placement runs them: ACTIVE, the tier's
 * hypervisor type, its highest CPU overcommit, its required tags.
 */
final class StaticRules {

    private StaticRules() {
    }

    static boolean pass(HostCapacity host, PlacementRules rules) {
        return HostCapacity.ACTIVE.equals(host.state())
                && (rules.hypervisorType() == null || rules.hypervisorType().equals(host.hypervisorType()))
                && (rules.maxCpuOvercommit() == 0 || host.cpuOvercommit() <= rules.maxCpuOvercommit())
                && host.tags().containsAll(rules.requiredTags());
    }
}
