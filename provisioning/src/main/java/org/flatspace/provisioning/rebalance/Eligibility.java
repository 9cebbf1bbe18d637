package org.flatspace.provisioning.rebalance;

import java.util.BitSet;
import java.util.List;

/**
 * The hosts an instance may move to by the rules that do not depend on room: ACTIVE, the same
 * hypervisor type as its current host (live migration), and its tier's hypervisor type, CPU
 * overcommit and required tags. Shared by every instance with the same rules on the same type.
 */
final class Eligibility {

    private final BitSet hosts;
    final List<PlanHost> targets;

    Eligibility(List<PlanHost> targets) {
        this.targets = List.copyOf(targets);
        this.hosts = new BitSet();
        targets.forEach(h -> hosts.set(h.index));
    }

    boolean allows(PlanHost host) {
        return hosts.get(host.index);
    }
}
