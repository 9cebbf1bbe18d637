package org.flatspace.provisioning.hypervisor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libvirt connection per host URI, opened on first use and kept: the test driver keeps a
 * host's domains in the connection, and reopening a remote connection per call costs a handshake.
 * A call that fails on a dead connection is retried once on a fresh one; every adapter call is
 * idempotent, so the retry cannot do anything twice.
 */
final class HostConnections implements AutoCloseable {

    /** A piece of work on one host's connection. */
    @FunctionalInterface
    interface HostCall<T> {
        T apply(Connect connect) throws LibvirtException;
    }

    private static final Logger log = LoggerFactory.getLogger(HostConnections.class);

    private final ConcurrentMap<String, HostConnection> hosts = new ConcurrentHashMap<>();

    <T> T call(String hostUri, String operation, HostCall<T> call) {
        HostConnection host = hosts.computeIfAbsent(hostUri, HostConnection::new);
        Connect connect = host.open(operation);
        try {
            return call.apply(connect);
        } catch (LibvirtException e) {
            if (isAlive(connect)) {
                throw new HypervisorException(hostUri, operation, e);
            }
            log.warn("Connection to {} is dead ({}); reopening it for {}", hostUri, e.getMessage(), operation);
            host.drop(connect);
        }
        try {
            return call.apply(host.open(operation));
        } catch (LibvirtException e) {
            throw new HypervisorException(hostUri, operation, e);
        }
    }

    @Override
    public void close() {
        hosts.values().forEach(HostConnection::close);
        hosts.clear();
    }

    private static boolean isAlive(Connect connect) {
        try {
            return connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    /**
     * Holds one host's connection. Opening happens under this host's own lock rather than inside
     * the map, so a host that takes long to answer does not hold up calls to other hosts.
     */
    private static final class HostConnection {

        private final String uri;
        private Connect connect;

        HostConnection(String uri) {
            this.uri = uri;
        }

        synchronized Connect open(String operation) {
            if (connect == null) {
                try {
                    connect = new Connect(uri);
                    log.info("Connected to {}", uri);
                } catch (LibvirtException e) {
                    throw new HypervisorException(uri, operation, e);
                }
            }
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

        private void closeQuietly() {
            try {
                connect.close();
            } catch (LibvirtException e) {
                log.debug("Closing the connection to {} failed: {}", uri, e.getMessage());
            }
        }
    }
}
