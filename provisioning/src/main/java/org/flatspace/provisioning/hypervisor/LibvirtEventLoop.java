package org.flatspace.provisioning.hypervisor;

import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop on a daemon thread of its own. libvirt sends keepalive messages
 * only from an event loop, and it must be registered before the connections that use it open.
 */
final class LibvirtEventLoop {

    private static final Logger log = LoggerFactory.getLogger(LibvirtEventLoop.class);

    private static boolean started;
    private static boolean available;

    private LibvirtEventLoop() {
    }

    /** Starts the loop once per process; false if libvirt refused, and then there is no keepalive. */
    static synchronized boolean start() {
        if (started) {
            return available;
        }
        started = true;
        try {
            Library.initEventLoop();
        } catch (LibvirtException e) {
            log.warn("libvirt's event loop did not start, so connections get no keepalive: {}", e.getMessage());
            return false;
        }
        Thread thread = new Thread(LibvirtEventLoop::run, "libvirt-events");
        thread.setDaemon(true);
        thread.start();
        available = true;
        return true;
    }

    private static void run() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException e) {
            log.error("libvirt's event loop stopped; keepalive no longer works: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
