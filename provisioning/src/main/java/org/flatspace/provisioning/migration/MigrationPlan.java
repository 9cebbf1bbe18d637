package org.flatspace.provisioning.migration;

import java.time.Instant;
import java.util.List;

/**
 * A plan of moves as an administrator sees it before confirming it and while it runs. For a
 * DRAIN or RESTART plan, {@code hostId} is the host being emptied.
 */
public record MigrationPlan(long id, PlanKind kind, Long hostId, String hostName, PlanState state,
                            String requestedBy, String summary, Instant createdAt, List<PlannedMove> moves) {

    public MigrationPlan {
        moves = List.copyOf(moves);
    }

    public long count(MoveStatus status) {
        return moves.stream().filter(m -> m.status() == status).count();
    }

    /** Moves that are over, one way or another, of those that can run. */
    public String progress() {
        long runnable = moves.size() - count(MoveStatus.BLOCKED);
        long over = count(MoveStatus.DONE) + count(MoveStatus.FAILED) + count(MoveStatus.SKIPPED);
        return over + " of " + runnable + " moves done" + (count(MoveStatus.BLOCKED) > 0
                ? ", " + count(MoveStatus.BLOCKED) + " blocked" : "");
    }
}
