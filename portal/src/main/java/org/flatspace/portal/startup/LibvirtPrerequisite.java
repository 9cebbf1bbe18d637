package org.flatspace.portal.startup;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.flatspace.provisioning.hypervisor.LibvirtHypervisor;

/**
 * libvirt-java needs the native libvirt library (Debian: libvirt0). Without it Flatspace cannot
 * reach any host, so it says so before starting, instead of failing later with a JNA stack trace;
 * run as root on a Debian-like system it installs the library itself.
 */
public final class LibvirtPrerequisite {

    private static final String HOW_TO_INSTALL = """
            Flatspace needs libvirt's native library (libvirt.so.0) to reach its hosts, and it is not installed.
              Debian/Ubuntu:  sudo apt-get install -y libvirt0
              Fedora/RHEL:    sudo dnf install -y libvirt-libs
            Then start Flatspace again.""";

    private LibvirtPrerequisite() {
    }

    public static void ensureInstalled() {
        if (LibvirtHypervisor.nativeLibraryAvailable()) {
            return;
        }
        if (isRoot() && new File("/usr/bin/apt-get").canExecute()) {
            System.err.println("libvirt's native library is missing: installing libvirt0 with apt-get ...");
            if (run(List.of("apt-get", "install", "-y", "--no-install-recommends", "libvirt0"))
                    || (run(List.of("apt-get", "update", "-qq"))
                    && run(List.of("apt-get", "install", "-y", "--no-install-recommends", "libvirt0")))) {
                if (LibvirtHypervisor.nativeLibraryAvailable()) {
                    return;
                }
            }
        }
        System.err.println(HOW_TO_INSTALL);
        System.exit(1);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
