package org.flatspace.workflows.request;

/**
 * The request is between two steps of its process right now (it just got more quota, say) and
 * cannot take this action this instant; trying again in a moment works.
 */
public class RequestBusyException extends RuntimeException {

    public RequestBusyException(long requestId) {
        super("Request " + requestId + " is moving on to its next step right now; try again in a moment");
    }
}
