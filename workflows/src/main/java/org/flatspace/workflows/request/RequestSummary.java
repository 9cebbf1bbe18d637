package org.flatspace.workflows.request;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a team's request list. */
public record RequestSummary(long id, String requester, long functionId, String functionName, String sizeName,
                             int count, LocalDate leaseEnd, RequestStatus status, String statusReason,
                             Instant submittedAt) {
}
