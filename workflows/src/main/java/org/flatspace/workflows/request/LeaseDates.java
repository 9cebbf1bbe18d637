package org.flatspace.workflows.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.flatspace.workflows.WorkflowProperties;

/**
 * A lease "until D" ends when day D is over, in the portal's time zone; its requester is reminded
 * a configured time before (at once, if that is already past).
 */
final class LeaseDates {

    private LeaseDates() {
    }

    static Date endsAt(LocalDate leaseEnd, Clock clock) {
        return Date.from(end(leaseEnd, clock));
    }

    static Date reminderAt(LocalDate leaseEnd, Clock clock, WorkflowProperties properties) {
        Instant reminder = end(leaseEnd, clock).minus(properties.leaseReminderBefore());
        Instant now = clock.instant();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }

    private static Instant end(LocalDate leaseEnd, Clock clock) {
        return leaseEnd.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }
}
