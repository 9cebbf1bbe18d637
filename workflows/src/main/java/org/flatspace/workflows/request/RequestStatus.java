package org.flatspace.workflows.request;

/** Where a capacity request is. */
public enum RequestStatus {
    SUBMITTED, APPROVED, ACTIVE, REJECTED, FAILED;

    public boolean isOpen() {
        return this == SUBMITTED || this == APPROVED;
    }
}
