package org.flatspace.provisioning.hypervisor;

/**
 * The kind of domain to define: libvirt's domain type plus, where one type runs guests in more
 * than one way (Xen), the way. Each kind gets the domain XML its driver accepts.
 */
public enum DomainKind {
    /** The test driver's simulated domains. */
    TEST("test"),
    /** QEMU under software emulation (TCG). */
    QEMU("qemu"),
    /** QEMU with KVM acceleration. */
    KVM("kvm"),
    /** A fully virtualised Xen guest. */
    XEN_HVM("xen"),
    /** A paravirtualised Xen guest, booted by the host's bootloader. */
    XEN_PV("xen"),
    /** A VirtualBox VM. */
    VBOX("vbox"),
    /** A VMware ESX, vCenter or Workstation VM. */
    VMWARE("vmware"),
    /** A Virtuozzo (formerly Parallels) VM. */
    VZ("vz"),
    /** A Hyper-V VM. */
    HYPERV("hyperv"),
    /** A Linux container run by libvirt's LXC driver. */
    LXC("lxc");

    private final String libvirtType;

    DomainKind(String libvirtType) {
        this.libvirtType = libvirtType;
    }

    /** The value of the domain's type attribute. */
    String libvirtType() {
        return libvirtType;
    }
}
