package org.flatspace.provisioning.hypervisor;

import java.util.Locale;

/** The libvirt domain type: the test driver's fake domains, QEMU under emulation (TCG), or KVM. */
public enum DomainKind {
    TEST, QEMU, KVM;

    /** The value of the domain's type attribute. */
    String libvirtType() {
        return name().toLowerCase(Locale.ROOT);
    }
}
