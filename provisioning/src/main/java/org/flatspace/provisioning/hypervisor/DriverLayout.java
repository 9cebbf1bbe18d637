package org.flatspace.provisioning.hypervisor;

import static org.flatspace.provisioning.hypervisor.DomainXml.append;

import org.w3c.dom.Element;

/**
 * The parts of a domain's XML that differ between libvirt drivers: how it boots and which devices
 * it has. Domains get no disk and no graphics: a capacity pool defines the shape of a VM, and a
 * diskless domain with a serial console is the smallest one every driver accepts and QEMU boots.
 */
final class DriverLayout {

    private static final String ARCH = "x86_64";
    private static final String XEN_PV_BOOTLOADER = "/usr/lib/xen/bin/pygrub";
    private static final String XEN_HVM_LOADER = "/usr/lib/xen/boot/hvmloader";
    private static final String LXC_INIT = "/sbin/init";
    /** VMware wants memory in whole 4 MiB pages. */
    private static final long VMWARE_MEMORY_STEP_MIB = 4;

    private DriverLayout() {
    }

    /** The memory to define: what was asked for, rounded up where a driver takes only steps. */
    static long memoryMib(DomainSpec spec) {
        if (spec.kind() == DomainKind.VMWARE) {
            return (spec.memoryMib() + VMWARE_MEMORY_STEP_MIB - 1) / VMWARE_MEMORY_STEP_MIB * VMWARE_MEMORY_STEP_MIB;
        }
        return spec.memoryMib();
    }

    static void appendBoot(Element domain, DomainKind kind) {
        if (kind == DomainKind.XEN_PV) {
            // A PV guest boots the kernel the host's bootloader finds in the guest, not firmware.
            append(domain, "bootloader", XEN_PV_BOOTLOADER);
        }
        Element os = append(domain, "os", null);
        switch (kind) {
            case TEST, VBOX, VZ, HYPERV -> append(os, "type", "hvm");
            case VMWARE -> append(os, "type", "hvm").setAttribute("arch", ARCH);
            case QEMU, KVM -> osType(os, "hvm", "pc");
            case XEN_HVM -> {
                osType(os, "hvm", "xenfv");
                append(os, "loader", XEN_HVM_LOADER);
            }
            case XEN_PV -> osType(os, "xen", "xenpv");
            case LXC -> {
                append(os, "type", "exe");
                append(os, "init", LXC_INIT);
            }
        }
    }

    static void appendDevices(Element domain, DomainKind kind) {
        switch (kind) {
            case QEMU, KVM, XEN_HVM -> serialConsole(append(domain, "devices", null));
            case XEN_PV -> console(append(domain, "devices", null), "xen");
            case LXC -> console(append(domain, "devices", null), "lxc");
            // The test driver has no consoles; VirtualBox, VMware, Virtuozzo and Hyper-V make their
            // own default devices and manage consoles through their own tools.
            case TEST, VBOX, VMWARE, VZ, HYPERV -> {
            }
        }
    }

    private static void osType(Element os, String type, String machine) {
        Element element = append(os, "type", type);
        element.setAttribute("arch", ARCH);
        element.setAttribute("machine", machine);
    }

    /** A pty serial port with the console on it: `virsh console` reaches the guest's ttyS0. */
    private static void serialConsole(Element devices) {
        Element serial = append(devices, "serial", null);
        serial.setAttribute("type", "pty");
        append(serial, "target", null).setAttribute("port", "0");
        console(devices, "serial");
    }

    private static void console(Element devices, String targetType) {
        Element console = append(devices, "console", null);
        console.setAttribute("type", "pty");
        Element target = append(console, "target", null);
        target.setAttribute("type", targetType);
        target.setAttribute("port", "0");
    }
}
