package org.flatspace.config.quota;

import java.util.List;

/**
 * The answer to a reservation: granted, or refused with what is short. A refused reservation holds
 * nothing.
 */
public record Reservation(String key, boolean granted, List<QuotaShortfall> shortfalls) {

    public Reservation {
        shortfalls = List.copyOf(shortfalls);
    }

    static Reservation granted(String key) {
        return new Reservation(key, true, List.of());
    }

    static Reservation refused(String key, List<QuotaShortfall> shortfalls) {
        return new Reservation(key, false, shortfalls);
    }

    /** "over quota: needs 8 vCPU; the team has 4 free, needs 2 instances; the team has 1 free". */
    public String describeShortfall() {
        return "over quota: " + String.join(", ", shortfalls.stream().map(QuotaShortfall::describe).toList());
    }
}
