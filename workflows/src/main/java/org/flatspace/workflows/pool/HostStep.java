package org.flatspace.workflows.pool;

/** What a host's process waits for from an administrator, if anything. */
public enum HostStep {
    NONE,
    /** A drain plan is proposed: confirm or discard it. */
    CONFIRM_DRAIN,
    /** Not every instance could leave: plan again, maintenance as it is, or keep the host active. */
    DECIDE_INCOMPLETE_DRAIN,
    /** The host is down: confirm it is off, so that its HA instances restart elsewhere. */
    CONFIRM_FENCING
}
