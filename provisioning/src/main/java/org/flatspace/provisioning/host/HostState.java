package org.flatspace.provisioning.host;

/** Whether a host takes new instances. */
public enum HostState {
    ACTIVE, MAINTENANCE, DOWN
}
