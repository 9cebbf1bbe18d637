package org.flatspace.workflows.request;

import java.time.Instant;

import org.flatspace.config.quota.Resources;

/**
 * A decision waiting in someone's inbox: what is asked, what it would take from the team's quota,
 * and whether the person looking at it asked for it (then they may not decide it).
 */
public record ApprovalTask(String taskId, ApprovalKind kind, RequestSummary request, String reason,
                           Resources total, String extensionUntil, Instant createdAt, String assignee,
                           boolean ownRequest) {
}
