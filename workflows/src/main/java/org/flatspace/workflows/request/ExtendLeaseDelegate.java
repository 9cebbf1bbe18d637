package org.flatspace.workflows.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.workflows.WorkflowProperties;
import org.springframework.stereotype.Component;

/** The extension was approved: the lease ends later, and its timers move with it. */
@Component
class ExtendLeaseDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;
    private final WorkflowProperties properties;
    private final Clock clock;

    ExtendLeaseDelegate(RequestLifecycle lifecycle, RequestNotifier notifier, WorkflowProperties properties,
                        Optional<Clock> clock) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        LocalDate newEnd = LocalDate.parse((String) execution.getVariable(ProcessVariables.REQUESTED_LEASE_END));
        String decidedBy = (String) execution.getVariable(ProcessVariables.DECIDED_BY);
        request.extendLease(newEnd);
        execution.setVariables(LeaseDates.variables(newEnd, clock, properties));
        String detail = "until " + newEnd + (decidedBy == null ? ", approved automatically by the approval policy"
                : ", approved by " + decidedBy + ApproveRequestDelegate.comment(execution));
        lifecycle.record(request.id(), decidedBy == null ? RequestLifecycle.SYSTEM : decidedBy, "Lease extended", detail);
        notifier.requester(request, "lease extended", "The lease was extended " + detail + ".");
    }
}
