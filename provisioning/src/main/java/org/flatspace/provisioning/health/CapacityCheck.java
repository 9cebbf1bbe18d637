package org.flatspace.provisioning.health;

import java.util.ArrayList;
import java.util.List;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.hypervisor.HostFacts;

/** Whether a host was registered with more than it has: placement would then promise capacity that is not there. */
final class CapacityCheck {

    private CapacityCheck() {
    }

    /** A sentence for administrators, or null when the configuration fits the host. */
    static String warning(HostView host, HostFacts facts) {
        List<String> excess = new ArrayList<>();
        if (host.cpus() > facts.cpus()) {
            excess.add(host.cpus() + " CPUs are configured but the host reports " + facts.cpus());
        }
        if (host.memoryMib() > facts.memoryMib()) {
            excess.add(host.memoryMib() + " MiB of memory are configured but the host reports " + facts.memoryMib());
        }
        return excess.isEmpty() ? null : String.join("; ", excess);
    }
}
