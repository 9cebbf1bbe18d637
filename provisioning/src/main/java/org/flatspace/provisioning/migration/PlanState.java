package org.flatspace.provisioning.migration;

/** Where a plan is: proposed to an administrator, running, or over (and how). */
public enum PlanState {
    PROPOSED, RUNNING, CANCELLING, CANCELLED, DONE, INCOMPLETE, DISCARDED;

    public boolean open() {
        return this == PROPOSED || this == RUNNING || this == CANCELLING;
    }
}
