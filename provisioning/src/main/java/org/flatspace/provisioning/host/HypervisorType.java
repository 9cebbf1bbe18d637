package org.flatspace.provisioning.host;

import java.util.Set;

import org.flatspace.provisioning.hypervisor.DomainKind;

/** The hypervisor a host runs; all are reached through libvirt. */
public enum HypervisorType {
    /** libvirt's test driver: real libvirt, simulated hypervisor (the demo pool). */
    TEST(DomainKind.TEST, "test"),
    /** QEMU with software emulation (TCG). */
    QEMU(DomainKind.QEMU, "qemu"),
    /** QEMU with KVM acceleration. */
    KVM(DomainKind.KVM, "qemu"),
    /** Xen (also what Virtual Iron ran); guests are fully virtualised unless asked otherwise. */
    XEN(DomainKind.XEN_HVM, "xen"),
    /** VMware ESX, directly or through vCenter. */
    VMWARE_ESX(DomainKind.VMWARE, "esx", "vpx"),
    /** VMware Workstation. */
    VMWARE_WORKSTATION(DomainKind.VMWARE, "vmwarews"),
    /** Oracle VirtualBox. */
    VIRTUALBOX(DomainKind.VBOX, "vbox"),
    /** Virtuozzo, formerly Parallels. */
    VIRTUOZZO(DomainKind.VZ, "vz"),
    /** Microsoft Hyper-V. */
    HYPERV(DomainKind.HYPERV, "hyperv"),
    /** Linux containers through libvirt's LXC driver. */
    LXC(DomainKind.LXC, "lxc");

    private final DomainKind domainKind;
    private final Set<String> libvirtDrivers;

    HypervisorType(DomainKind domainKind, String... libvirtDrivers) {
        this.domainKind = domainKind;
        this.libvirtDrivers = Set.of(libvirtDrivers);
    }

    public DomainKind domainKind() {
        return domainKind;
    }

    /** Whether a host of this type is reached through this libvirt driver ("qemu", "esx", ...). */
    public boolean reachedThrough(String libvirtDriver) {
        return libvirtDrivers.contains(libvirtDriver);
    }
}
