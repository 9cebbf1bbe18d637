package org.flatspace.portal.request;

import org.flatspace.portal.i18n.Texts;
import org.flatspace.workflows.request.RequestStatus;

/** How requests read on screen. */
public final class RequestText {

    private RequestText() {
    }

    public static String status(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> Texts.of("request.status.submitted");
            case OVER_QUOTA -> Texts.of("request.status.over-quota");
            case PENDING_APPROVAL -> Texts.of("request.status.pending-approval");
            case APPROVED -> Texts.of("request.status.approved");
            case ACTIVE -> Texts.of("request.status.active");
            case REJECTED -> Texts.of("request.status.rejected");
            case WITHDRAWN -> Texts.of("request.status.withdrawn");
            case FAILED -> Texts.of("request.status.failed");
            case ENDED -> Texts.of("request.status.ended");
        };
    }
}
