package org.flatspace.provisioning.migration;

import java.time.Duration;
import java.util.UUID;

/**
 * How one move ended. {@code moved}: the instance runs on {@code to}; otherwise it stays on
 * {@code from} (or, {@code inDoubt}, a host did not answer and the move waits to be resolved) and
 * {@code reason} says why. {@code downtime} only for live moves whose host reported it.
 */
public record MoveResult(UUID instanceId, long from, long to, MoveMethod method, boolean moved, boolean inDoubt,
                         String reason, Duration took, Duration downtime) {

    static MoveResult refused(UUID instanceId, long from, long to, String reason) {
        return new MoveResult(instanceId, from, to, null, false, false, reason, Duration.ZERO, null);
    }
}
