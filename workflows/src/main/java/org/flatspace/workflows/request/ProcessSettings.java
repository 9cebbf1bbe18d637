package org.flatspace.workflows.request;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import org.flatspace.workflows.WorkflowProperties;
import org.springframework.stereotype.Component;

/**
 * What the BPMN's expressions ask for (candidate groups, timer durations and dates, retry cycles),
 * computed from the settings and the request when they are needed rather than stored as process
 * variables: every stored variable costs rows at runtime and in history, and a lease date kept in
 * a variable could drift from the request's.
 */
@Component("processSettings")
public class ProcessSettings {

    private final RequestLifecycle lifecycle;
    private final WorkflowProperties properties;
    private final Clock clock;

    ProcessSettings(RequestLifecycle lifecycle, WorkflowProperties properties, Optional<Clock> clock) {
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Candidate group of the request's team's managers. */
    public String managers(Long requestId) {
        return ProcessVariables.managerGroup(lifecycle.get(requestId).teamId());
    }

    public String escalationAfter() {
        return properties.escalationAfter().toString();
    }

    public String overQuotaWait() {
        return properties.overQuotaWait().toString();
    }

    public String provisioningRetries() {
        return properties.provisioningRetries();
    }

    public Date leaseEndsAt(Long requestId) {
        return LeaseDates.endsAt(lifecycle.get(requestId).leaseEnd(), clock);
    }

    public Date reminderAt(Long requestId) {
        return LeaseDates.reminderAt(lifecycle.get(requestId).leaseEnd(), clock, properties);
    }
}
