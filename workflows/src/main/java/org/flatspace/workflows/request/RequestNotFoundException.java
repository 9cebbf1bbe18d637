package org.flatspace.workflows.request;

/** No such request for the caller: it does not exist, or it is another team's. */
public class RequestNotFoundException extends RuntimeException {

    RequestNotFoundException(long requestId) {
        super("There is no request " + requestId + " for your team");
    }
}
