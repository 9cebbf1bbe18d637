package org.flatspace.workflows.request;

/** Names of the process variables of {@code capacity-request.bpmn}. */
final class ProcessVariables {

    static final String PROCESS_KEY = "capacity-request";

    /** Long: the capacity request's id (also the process instance's business key). */
    static final String REQUEST_ID = "requestId";
    /** Boolean: whether the team's quota held the request. */
    static final String QUOTA_RESERVED = "quotaReserved";
    /** String: why provisioning failed, fit for the requester. */
    static final String FAILURE_REASON = "failureReason";
    /** BPMN error code thrown when provisioning failed and undid itself. */
    static final String PROVISIONING_FAILED = "PROVISIONING_FAILED";

    private ProcessVariables() {
    }
}
