package org.flatspace.workflows.request;

import java.time.LocalDate;

/** A business function's active capacity: its active requests, their instances, the nearest lease end. */
public record FunctionCapacity(String functionName, long activeRequests, long instances, LocalDate nextLeaseEnd) {
}
