package org.flatspace.workflows.request;

import java.time.LocalDate;
import java.util.UUID;

import org.flatspace.provisioning.instance.InstanceState;

/**
 * An instance running for a business function, as its team sees it: no host. {@code requestId} and
 * {@code leaseEnd} are those of the request it was made for; null for an instance that no request
 * made.
 */
public record FunctionInstance(UUID id, String name, String sizeName, InstanceState state, Long requestId,
                               LocalDate leaseEnd) {
}
