package org.flatspace.provisioning.rebalance;

/** What a rebalance plan aims for. */
public enum Goal {
    /** Even out the hosts' load (lower the imbalance) with as few migrations as it takes. */
    BALANCE,
    /** Leave as many hosts empty as possible (power-saving candidates), then use fewer migrations. */
    CONSOLIDATE
}
