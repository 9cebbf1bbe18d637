package org.flatspace.workflows.request;

import java.util.List;

import org.flatspace.config.quota.QuotaUsage;

/**
 * What a decision costs, for the person deciding it: the team's quota now (the request's own share
 * is already reserved in it, from the moment it was submitted) and the team's latest other
 * requests, newest first.
 */
public record DecisionContext(String teamName, QuotaUsage quota, List<RequestSummary> teamHistory) {
}
