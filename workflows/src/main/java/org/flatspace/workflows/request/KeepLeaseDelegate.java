package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The extension was rejected: the lease keeps its end date. */
@Component
class KeepLeaseDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;

    KeepLeaseDelegate(RequestLifecycle lifecycle, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        String decidedBy = (String) execution.getVariable(ProcessVariables.DECIDED_BY);
        String detail = "extension to " + execution.getVariable(ProcessVariables.REQUESTED_LEASE_END)
                + " rejected by " + decidedBy + ApproveRequestDelegate.comment(execution)
                + "; the lease still ends " + request.leaseEnd();
        lifecycle.record(request.id(), decidedBy, "Extension rejected", detail);
        notifier.requester(request, "extension rejected", "The " + detail + ".");
    }
}
