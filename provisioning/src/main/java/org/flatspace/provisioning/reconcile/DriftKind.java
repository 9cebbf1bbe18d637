package org.flatspace.provisioning.reconcile;

/** How the hosts and the database disagree. */
public enum DriftKind {
    /** A host has a domain that is no instance of the pool: reported, never touched. */
    UNKNOWN_DOMAIN,
    /** A running instance's host has no domain for it: defined and started again from the database. */
    MISSING_DOMAIN,
    /** A running instance's domain is not running (shut off or crashed is restarted; paused is left). */
    WRONG_STATE,
    /** An instance's domain is on another host than the database says: reported for an administrator. */
    WRONG_HOST,
    /** A host did not answer, so its instances could not be compared. */
    HOST_UNREACHABLE
}
