package org.flatspace.provisioning.host;

import org.flatspace.provisioning.hypervisor.DomainKind;

/** The hypervisor a host runs; all are reached through libvirt. */
public enum HypervisorType {
    /** libvirt's test driver: real libvirt, simulated hypervisor (the demo pool). */
    TEST(DomainKind.TEST),
    /** QEMU with software emulation (TCG). */
    QEMU(DomainKind.QEMU),
    /** QEMU with KVM acceleration. */
    KVM(DomainKind.KVM);

    private final DomainKind domainKind;

    HypervisorType(DomainKind domainKind) {
        this.domainKind = domainKind;
    }

    public DomainKind domainKind() {
        return domainKind;
    }
}
