package org.flatspace.provisioning.migration;

/** What a plan of moves is for. */
public enum PlanKind {
    /** Empty one host for maintenance. */
    DRAIN,
    /** Start the HA instances of a failed, fenced host on other hosts. */
    RESTART,
    /** Even out the load over the pool. */
    BALANCE,
    /** Empty as many hosts as possible (candidates to power down). */
    CONSOLIDATE
}
