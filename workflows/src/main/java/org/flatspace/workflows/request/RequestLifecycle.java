package org.flatspace.workflows.request;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a request to its next status and writes the timeline entry with it, in the caller's
 * transaction (the process engine's, for delegates).
 */
@Component
@Transactional
class RequestLifecycle {

    static final String SYSTEM = "flatspace";

    private final CapacityRequestRepository requests;
    private final RequestEventRepository events;

    RequestLifecycle(CapacityRequestRepository requests, RequestEventRepository events) {
        this.requests = requests;
        this.events = events;
    }

    CapacityRequest get(long requestId) {
        return requests.findById(requestId)
                .orElseThrow(() -> new IllegalStateException("No capacity request " + requestId));
    }

    void record(long requestId, String actor, String event, String detail) {
        events.save(new RequestEvent(requestId, actor, event, detail));
    }

    void move(long requestId, RequestStatus next, String why, String event, String detail) {
        move(requestId, SYSTEM, next, why, event, detail);
    }

    void move(long requestId, String actor, RequestStatus next, String why, String event, String detail) {
        get(requestId).moveTo(next, why);
        record(requestId, actor == null ? SYSTEM : actor, event, detail);
    }
}
