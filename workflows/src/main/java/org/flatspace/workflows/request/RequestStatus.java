package org.flatspace.workflows.request;

/** Where a capacity request is. */
public enum RequestStatus {
    SUBMITTED, OVER_QUOTA, PENDING_APPROVAL, APPROVED, ACTIVE, REJECTED, WITHDRAWN, FAILED, ENDED;

    /** Still on its way to running capacity: it holds a quota reservation. */
    public boolean isOpen() {
        return this == SUBMITTED || this == PENDING_APPROVAL || this == APPROVED;
    }
}
