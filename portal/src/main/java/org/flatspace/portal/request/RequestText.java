package org.flatspace.portal.request;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.flatspace.workflows.request.RequestStatus;

/** How requests read on screen. */
final class RequestText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private RequestText() {
    }

    static String status(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> "Submitted";
            case OVER_QUOTA -> "Over quota";
            case PENDING_APPROVAL -> "Waiting for approval";
            case APPROVED -> "Approved: starting instances";
            case ACTIVE -> "Active";
            case REJECTED -> "Rejected";
            case WITHDRAWN -> "Withdrawn";
            case FAILED -> "Failed";
            case ENDED -> "Ended";
        };
    }

    static String time(Instant at) {
        return TIME.format(at);
    }
}
