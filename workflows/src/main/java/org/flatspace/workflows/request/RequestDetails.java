package org.flatspace.workflows.request;

import java.util.List;

/** A request with its reason, timeline and instances, for the requester's team. */
public record RequestDetails(RequestSummary summary, String reason, List<TimelineEntry> timeline,
                             List<RequestInstance> instances) {
}
