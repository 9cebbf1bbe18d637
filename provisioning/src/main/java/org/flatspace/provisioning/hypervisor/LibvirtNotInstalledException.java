package org.flatspace.provisioning.hypervisor;

/**
 * The native libvirt library cannot be loaded. Carries no cause on purpose: JNA's own error lists
 * every directory it searched, which buries the one thing the reader needs to do.
 */
public class LibvirtNotInstalledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String MESSAGE = "libvirt's native library (libvirt.so.0) is not installed: "
            + "install it with `apt-get install libvirt0` (Debian, Ubuntu), "
            + "`dnf install libvirt-libs` (Fedora, RHEL), `zypper install libvirt-libs` (openSUSE) "
            + "or `pacman -S libvirt` (Arch)";

    public LibvirtNotInstalledException() {
        super(MESSAGE);
    }
}
