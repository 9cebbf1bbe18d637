package org.flatspace.provisioning.host;

/**
 * Whether a host takes new instances. Only ACTIVE hosts do. An administrator drains a host
 * (DRAINING: its instances are being moved away) into MAINTENANCE and takes it out again; the
 * health check marks a host that stops answering DOWN.
 */
public enum HostState {
    ACTIVE, DRAINING, MAINTENANCE, DOWN
}
