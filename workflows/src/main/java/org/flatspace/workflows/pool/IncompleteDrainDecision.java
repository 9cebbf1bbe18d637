package org.flatspace.workflows.pool;

/** What becomes of a host whose drain could not move everything. */
public enum IncompleteDrainDecision {
    /** Plan the remaining instances again (after freeing room elsewhere, say). */
    RETRY,
    /** Maintenance as it is: the remaining instances keep running on it. */
    MAINTENANCE,
    /** Give the host back to placement. */
    ACTIVE
}
