package org.flatspace.provisioning.hypervisor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shutting a domain down the way an operator would: ask the guest (ACPI power button), wait, and
 * pull the plug only when it does not listen. A guest without ACPI support or an OS that ignores
 * the button therefore costs the timeout, never a VM left running.
 */
final class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final long POLL_MILLIS = 100;

    private GracefulShutdown() {
    }

    static DomainState run(Domain domain, Duration timeout, String hostUri) throws LibvirtException {
        if (domain.isActive() != 1) {
            return DomainState.SHUT_OFF;
        }
        try {
            domain.shutdown();
        } catch (LibvirtException e) {
            // Not running any more, or the driver cannot ask the guest: either way, go on to destroy.
            log.debug("Graceful shutdown of {} on {} not possible: {}", domain.getUUIDString(), hostUri,
                    e.getMessage());
        }
        if (waitUntilInactive(domain, timeout)) {
            log.info("Domain {} on {} shut down gracefully", domain.getUUIDString(), hostUri);
            return DomainState.SHUT_OFF;
        }
        log.info("Domain {} on {} did not shut down within {}; destroying it", domain.getUUIDString(), hostUri,
                timeout);
        try {
            domain.destroy();
        } catch (LibvirtException e) {
            // "domain is not running": it stopped just after the timeout.
            if (e.getError() == null || e.getError().getCode() != ErrorNumber.VIR_ERR_OPERATION_INVALID) {
                throw e;
            }
        }
        return DomainState.SHUT_OFF;
    }

    private static boolean waitUntilInactive(Domain domain, Duration timeout) throws LibvirtException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (domain.isActive() == 1) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
