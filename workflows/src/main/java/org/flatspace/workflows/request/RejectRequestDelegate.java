package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the request REJECTED with the reason the process found (for now: over quota). */
@Component
class RejectRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;

    RejectRequestDelegate(RequestLifecycle lifecycle, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(ProcessVariables.REQUEST_ID);
        String why = (String) execution.getVariable(ProcessVariables.FAILURE_REASON);
        lifecycle.move(id, RequestStatus.REJECTED, why, "Rejected", why);
        notifier.requester(lifecycle.get(id), "rejected", "Your request was rejected: " + why + ".");
    }
}
