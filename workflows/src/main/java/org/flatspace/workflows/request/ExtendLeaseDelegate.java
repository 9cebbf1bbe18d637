package org.flatspace.workflows.request;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The extension was approved: the lease ends later, and its timers move with it. */
@Component
class ExtendLeaseDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;

    ExtendLeaseDelegate(RequestLifecycle lifecycle, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        LocalDate newEnd = LocalDate.parse((String) execution.getVariable(ProcessVariables.REQUESTED_LEASE_END));
        String decidedBy = (String) execution.getVariable(ProcessVariables.DECIDED_BY);
        // the lease timers read the end date from the request when the lease sub-process starts again
        request.extendLease(newEnd);
        String detail = "until " + newEnd + (decidedBy == null ? ", approved automatically by the approval policy"
                : ", approved by " + decidedBy + ApproveRequestDelegate.comment(execution));
        lifecycle.record(request.id(), decidedBy == null ? RequestLifecycle.SYSTEM : decidedBy, "Lease extended", detail);
        notifier.requester(request, "lease extended", "The lease was extended " + detail + ".");
    }
}
