package org.flatspace.workflows.request;

/** Names of the process variables, messages and errors of {@code capacity-request.bpmn}. */
final class ProcessVariables {

    static final String PROCESS_KEY = "capacity-request";
    static final String QUOTA_PROCESS_KEY = "quota-increase";

    /** Long: the capacity request's id (also the process instance's business key). */
    static final String REQUEST_ID = "requestId";
    /** Boolean: whether the team's quota held the request. */
    static final String QUOTA_RESERVED = "quotaReserved";
    /** String: why the request was rejected or failed, fit for the requester. */
    static final String FAILURE_REASON = "failureReason";
    /** String: the lease end asked for by an extension (ISO date). */
    static final String REQUESTED_LEASE_END = "requestedLeaseEnd";

    /** Inputs of approval-policy.dmn (transient, see {@link ApprovalPolicyInputs}), and its output. */
    static final String TIER = "tier";
    static final String TOTAL_VCPU = "totalVcpu";
    static final String TOTAL_MEMORY_MIB = "totalMemoryMib";
    static final String LEASE_DAYS = "leaseDays";
    static final String TEAM = "team";
    static final String APPROVAL = "approval";

    /** Set when a user task is completed: the decision, its comment and who made it. */
    static final String APPROVED = "approved";
    static final String DECISION_COMMENT = "decisionComment";
    static final String DECIDED_BY = "decidedBy";

    /** Quota increase: what is asked on top of the team's limits, by whom, for which waiting request. */
    static final String EXTRA_VCPU = "extraVcpu";
    static final String EXTRA_MEMORY_MIB = "extraMemoryMib";
    static final String EXTRA_DISK_GIB = "extraDiskGib";
    static final String EXTRA_INSTANCES = "extraInstances";
    static final String ASKED_BY = "askedBy";
    static final String ASKED_BY_MANAGER = "askedByManager";
    static final String INCREASE_REASON = "increaseReason";

    /** String: who asked for the lease extension being decided. */
    static final String EXTENSION_ASKED_BY = "extensionAskedBy";
    /** String: who released the capacity before its lease ended. */
    static final String RELEASED_BY = "releasedBy";
    /** String: the administrator who marked a failed provisioning reviewed. */
    static final String REVIEWED_BY = "reviewedBy";


    static final String MESSAGE_QUOTA_INCREASED = "quota-increased";
    static final String MESSAGE_QUOTA_DENIED = "quota-increase-denied";
    static final String MESSAGE_WITHDRAWN = "request-withdrawn";
    static final String MESSAGE_RELEASED = "capacity-released";
    static final String MESSAGE_EXTENSION_ASKED = "lease-extension-asked";
    static final String MESSAGE_FAILURE_REVIEWED = "provisioning-failure-reviewed";

    /** BPMN error code thrown when provisioning failed and undid itself. */
    static final String PROVISIONING_FAILED = "PROVISIONING_FAILED";
    /** Incident type raised when a request's provisioning failed, until an administrator reviews it. */
    static final String FAILURE_INCIDENT = "provisioningFailed";

    static final String ADMINS_GROUP = "admins";

    private ProcessVariables() {
    }

    static String managerGroup(long teamId) {
        return "managers-" + teamId;
    }
}
