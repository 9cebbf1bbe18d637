package org.flatspace.workflows.request;

import java.time.Instant;

/** One thing that happened to a request: when, who, what. */
public record TimelineEntry(Instant at, String actor, String event, String detail) {
}
