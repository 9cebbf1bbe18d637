package org.flatspace.workflows.request;

import java.util.List;

/**
 * A request with its reason, timeline and instances, for the requester's team.
 * {@code failureToReview}: its provisioning failed and no administrator has reviewed that yet.
 */
public record RequestDetails(RequestSummary summary, String reason, List<TimelineEntry> timeline,
                             List<RequestInstance> instances, boolean failureToReview) {
}
