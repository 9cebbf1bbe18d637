package org.flatspace.workflows.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flatspace.workflows.WorkflowProperties;

/**
 * A lease "until D" ends when day D is over, in the portal's time zone; its requester is reminded
 * a configured time before (at once, if that is already past).
 */
final class LeaseDates {

    private LeaseDates() {
    }

    static Map<String, Object> variables(LocalDate leaseEnd, Clock clock, WorkflowProperties properties) {
        Instant end = leaseEnd.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant reminder = end.minus(properties.leaseReminderBefore());
        Instant now = clock.instant();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ProcessVariables.LEASE_ENDS_AT, Date.from(end));
        variables.put(ProcessVariables.REMINDER_AT, Date.from(reminder.isBefore(now) ? now : reminder));
        variables.put(ProcessVariables.LEASE_DAYS, (int) ChronoUnit.DAYS.between(LocalDate.now(clock), leaseEnd));
        return variables;
    }
}
