package org.flatspace.workflows.request;

/** The decision tasks of capacity-request.bpmn, by their task definition keys. */
public enum ApprovalKind {
    MANAGER("Task_ManagerApproval", false, "the team's managers"),
    ADMIN("Task_AdminApproval", true, "the admins"),
    ESCALATED("Task_EscalatedApproval", true, "the admins (escalated: no manager decided in time)"),
    EXTENSION("Task_ApproveExtension", false, "the team's managers"),
    QUOTA_MANAGER("Task_ManagerForwardsQuota", false, "the team's managers"),
    QUOTA_ADMIN("Task_AdminDecidesQuota", true, "the admins");

    private final String taskKey;
    private final boolean forAdmins;
    private final String deciders;

    ApprovalKind(String taskKey, boolean forAdmins, String deciders) {
        this.taskKey = taskKey;
        this.forAdmins = forAdmins;
        this.deciders = deciders;
    }

    static ApprovalKind of(String taskKey) {
        for (ApprovalKind kind : values()) {
            if (kind.taskKey.equals(taskKey)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not a decision task: " + taskKey);
    }

    /** Whether the request itself waits on this decision (rather than its lease or its team's quota). */
    public boolean decidesTheRequest() {
        return this == MANAGER || this == ADMIN || this == ESCALATED;
    }

    public boolean isQuotaIncrease() {
        return this == QUOTA_MANAGER || this == QUOTA_ADMIN;
    }

    public boolean forAdmins() {
        return forAdmins;
    }

    public String deciders() {
        return deciders;
    }
}
