package org.flatspace.provisioning.hypervisor;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libvirt connection per host URI, opened on first use and kept: the test driver keeps a
 * host's domains in the connection, and reopening a remote connection per call costs a handshake.
 * Connections get keepalive, so a host that vanishes is noticed; a call that fails on a dead
 * connection is retried once on a fresh one. Every adapter call is idempotent, so the retry
 * cannot do anything twice.
 */
final class HostConnections implements AutoCloseable {

    /** A piece of work on one host's connection. */
    @FunctionalInterface
    interface HostCall<T> {
        T apply(Connect connect) throws LibvirtException;
    }

    /** How connections are opened: credentials, back-off after failures, keepalive. */
    record Settings(HostCredentials credentials, Duration firstBackoff, Duration maxBackoff, boolean keepAlive,
                    Clock clock) {

        static Settings defaults(HostCredentials credentials) {
            return new Settings(credentials, Duration.ofSeconds(1), Duration.ofSeconds(30), LibvirtEventLoop.start(),
                    Clock.systemUTC());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(HostConnections.class);

    private final ConcurrentMap<String, HostConnection> hosts = new ConcurrentHashMap<>();
    private final Settings settings;

    HostConnections() {
        this(Settings.defaults(HostCredentials.NONE));
    }

    HostConnections(Settings settings) {
        this.settings = settings;
    }

    <T> T call(String hostUri, String operation, HostCall<T> call) {
        return call(hostUri, operation, false, call);
    }

    /** Like {@link #call}, but tries to connect even while this host is backing off. */
    <T> T probe(String hostUri, String operation, HostCall<T> call) {
        return call(hostUri, operation, true, call);
    }

    @Override
    public void close() {
        hosts.values().forEach(HostConnection::close);
        hosts.clear();
    }

    private <T> T call(String hostUri, String operation, boolean probe, HostCall<T> call) {
        HostConnection host = hosts.computeIfAbsent(hostUri, uri -> new HostConnection(uri, settings));
        Connect connect = host.open(operation, probe);
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
            return call.apply(host.open(operation, probe));
        } catch (LibvirtException e) {
            throw new HypervisorException(hostUri, operation, e);
        }
    }

    private static boolean isAlive(Connect connect) {
        try {
            return connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }
}
