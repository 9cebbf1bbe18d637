package org.flatspace.provisioning.reconcile;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.hypervisor.DomainSpec;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.hypervisor.HypervisorException;
import org.flatspace.provisioning.instance.InstanceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one repair reconciliation makes: (define and) start a RUNNING instance's domain on its own host. */
final class Repair {

    private static final Logger log = LoggerFactory.getLogger(Repair.class);

    private final Hypervisor hypervisor;
    private final boolean enabled;

    Repair(Hypervisor hypervisor, boolean enabled) {
        this.hypervisor = hypervisor;
        this.enabled = enabled;
    }

    /** True if the domain runs afterwards. Keyed by the instance id, so a repeat makes no second VM. */
    boolean start(InstanceView instance, HostView host) {
        if (!enabled) {
            return false;
        }
        DomainSpec spec = new DomainSpec(instance.id(), instance.name(), "Flatspace instance " + instance.name(),
                host.type().domainKind(), instance.vcpu(), instance.memoryMib());
        try {
            return hypervisor.defineAndStart(host.uri(), spec) == DomainState.RUNNING;
        } catch (HypervisorException | IllegalArgumentException e) {
            log.warn("Reconciliation could not start {} on {}: {}", instance.id(), host.name(), e.getMessage());
            return false;
        }
    }
}
