package org.flatspace.config.quota;

/**
 * A team's usage as stored in its quota row, against the same usage counted again from the
 * reservations it holds. They differ only if something changed one without the other.
 */
public record QuotaRecount(long teamId, Resources storedAllocated, Resources countedAllocated,
                           Resources storedReserved, Resources countedReserved) {

    public boolean drifted() {
        return !storedAllocated.equals(countedAllocated) || !storedReserved.equals(countedReserved);
    }
}
