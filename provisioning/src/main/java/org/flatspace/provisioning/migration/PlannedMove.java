package org.flatspace.provisioning.migration;

import java.util.UUID;

/** One move of a plan, with its progress. Host names are for administrators only. */
public record PlannedMove(long id, int position, UUID instanceId, String instanceName, long fromHostId,
                          String fromHost, Long toHostId, String toHost, MoveMethod method, MoveStatus status,
                          String reason, Long downtimeMs, Long tookMs) {
}
