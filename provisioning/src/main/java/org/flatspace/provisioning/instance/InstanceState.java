package org.flatspace.provisioning.instance;

/** Where an instance is in its life. */
public enum InstanceState {
    /** Recorded, not yet placed or not yet started. */
    PENDING,
    RUNNING,
    /** Could not be started; nothing of it is left on a host. */
    FAILED,
    /** Decommissioned: removed from its host. */
    DELETED
}
