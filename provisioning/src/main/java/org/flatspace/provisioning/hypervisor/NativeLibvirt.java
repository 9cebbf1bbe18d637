package org.flatspace.provisioning.hypervisor;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt.VirErrorCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Process-wide setup of the native libvirt library that libvirt-java loads through JNA. */
final class NativeLibvirt {

    /** The name libvirt-java itself asks JNA for, so the check finds exactly what it will load. */
    static final String LIBRARY_NAME = Platform.isWindows() ? "virt-0" : "virt";

    private static final Logger log = LoggerFactory.getLogger(NativeLibvirt.class);

    /**
     * libvirt prints every error to stderr unless a callback is set; the adapter already turns them
     * into exceptions, and "domain not found" is routine. A static field, because JNA must not see
     * the callback garbage-collected while libvirt holds it.
     */
    private static final VirErrorCallback ERRORS_TO_DEBUG_LOG =
            (userData, error) -> log.debug("libvirt error {} (from {}): {}", error.code, error.domain, error.message);

    private static volatile boolean errorCallbackInstalled;

    private NativeLibvirt() {
    }

    static boolean isLoadable(String libraryName) {
        try {
            NativeLibrary.getInstance(libraryName);
            return true;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            log.debug("cannot load native library {}: {}", libraryName, e.getMessage());
            return false;
        }
    }

    /** Checks that the library loads and routes libvirt's error printing to the debug log. */
    static void require(String libraryName) {
        if (!isLoadable(libraryName)) {
            throw new LibvirtNotInstalledException();
        }
        installErrorCallback();
    }

    private static synchronized void installErrorCallback() {
        if (errorCallbackInstalled) {
            return;
        }
        try {
            Connect.setErrorCallback(ERRORS_TO_DEBUG_LOG);
            errorCallbackInstalled = true;
        } catch (LibvirtException e) {
            log.warn("libvirt will print its errors to stderr: {}", e.getMessage());
        }
    }
}
