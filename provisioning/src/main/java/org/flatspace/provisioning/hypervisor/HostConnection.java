package org.flatspace.provisioning.hypervisor;

import java.time.Duration;
import java.time.Instant;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's connection. Opening happens under this host's own lock, so a host that takes long to
 * answer holds up no other host. After a failed open the host is left alone for a while that
 * doubles with every failure (capped), so that calls for a dead host fail at once instead of
 * each waiting for a TCP or SSH timeout.
 */
final class HostConnection {

    /** A ping every 5 s; the connection counts as dead after 3 unanswered (15 s). */
    private static final int KEEPALIVE_INTERVAL_S = 5;
    private static final int KEEPALIVE_COUNT = 3;

    private static final Logger log = LoggerFactory.getLogger(HostConnection.class);

    private final String uri;
    private final HostConnections.Settings settings;
    private Connect connect;
    private int failures;
    private Instant retryAt = Instant.MIN;
    private String lastFailure;

    HostConnection(String uri, HostConnections.Settings settings) {
        this.uri = uri;
        this.settings = settings;
    }

    /**
     * The open connection, opening it if needed.
     *
     * @param probe true to try even while backing off (the health check must see a host come back)
     */
    synchronized Connect open(String operation, boolean probe) {
        if (connect != null) {
            return connect;
        }
        Instant now = settings.clock().instant();
        if (!probe && now.isBefore(retryAt)) {
            throw new HypervisorException(uri, operation, new IllegalStateException("not tried again until "
                    + retryAt + " after " + failures + " failed connection attempt(s); last: " + lastFailure));
        }
        try {
            connect = new Connect(uri, new LibvirtAuth(uri, settings.credentials()), 0);
        } catch (LibvirtException e) {
            failed(now, e);
            throw new HypervisorException(uri, operation, e);
        }
        failures = 0;
        retryAt = Instant.MIN;
        keepAlive();
        log.info("Connected to {}", uri);
        return connect;
    }

    /** Forgets the connection only if it is still the dead one, not one another thread reopened. */
    synchronized void drop(Connect dead) {
        if (connect == dead) {
            closeQuietly();
            connect = null;
        }
    }

    synchronized void close() {
        if (connect != null) {
            closeQuietly();
            connect = null;
            log.info("Closed connection to {}", uri);
        }
    }

    private void failed(Instant now, LibvirtException e) {
        failures++;
        lastFailure = e.getMessage();
        long factor = 1L << Math.min(failures - 1, 20);
        Duration wait = settings.firstBackoff().multipliedBy(factor);
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        retryAt = now.plus(wait);
        log.warn("Cannot connect to {} ({} failure(s) in a row); next attempt not before {}: {}", uri, failures,
                retryAt, e.getMessage());
    }

    /** Remote connections only: the test driver and local sockets do not support it, and need none. */
    private void keepAlive() {
        if (!settings.keepAlive()) {
            return;
        }
        try {
            if (!connect.setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT)) {
                log.debug("{} does not support keepalive", uri);
            }
        } catch (LibvirtException e) {
            log.debug("No keepalive on {}: {}", uri, e.getMessage());
        }
    }

    private void closeQuietly() {
        try {
            connect.close();
        } catch (LibvirtException e) {
            log.debug("Closing the connection to {} failed: {}", uri, e.getMessage());
        }
    }
}
