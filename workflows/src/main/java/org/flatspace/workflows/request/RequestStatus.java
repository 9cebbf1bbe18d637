package org.flatspace.workflows.request;

/** Where a capacity request is. */
public enum RequestStatus {
    SUBMITTED, OVER_QUOTA, PENDING_APPROVAL, APPROVED, ACTIVE, REJECTED, WITHDRAWN, FAILED, ENDED
}
