package org.flatspace.workflows.request;

import java.util.List;

/**
 * A request with its reason, timeline and instances, for the requester's team.
 * {@code failureToReview}: its provisioning failed and no administrator has reviewed that yet.
 * {@code actorsTeam}: the caller is of the request's team, so may act on it (withdraw, extend,
 * release) as their role allows; an administrator reading another team's request may not.
 */
public record RequestDetails(RequestSummary summary, String reason, List<TimelineEntry> timeline,
                             List<RequestInstance> instances, boolean failureToReview, boolean actorsTeam) {
}
