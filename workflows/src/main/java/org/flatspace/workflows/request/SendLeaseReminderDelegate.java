package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the requester that the lease ends soon, and what they can do about it. */
@Component
class SendLeaseReminderDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;

    SendLeaseReminderDelegate(RequestLifecycle lifecycle, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        lifecycle.record(request.id(), RequestLifecycle.SYSTEM, "Lease reminder", "lease ends " + request.leaseEnd());
        notifier.requester(request, "lease ends " + request.leaseEnd(), "The lease of your capacity for "
                + request.functionName() + " ends on " + request.leaseEnd() + ". After that day its instances are "
                + "removed. Extend the lease if you still need them, or release them now if you do not.");
    }
}
