package org.flatspace.workflows.request;

import java.time.LocalDate;

/** What a requester fills in. Any field may be missing; the service says which. */
public record NewCapacityRequest(Long functionId, Long sizeId, Integer count, LocalDate leaseEnd, String reason) {
}
