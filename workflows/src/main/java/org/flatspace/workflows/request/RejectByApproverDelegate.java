package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.config.quota.QuotaService;
import org.springframework.stereotype.Component;

/** A manager or an admin rejected the request: its quota is released and the requester told why. */
@Component
class RejectByApproverDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final QuotaService quotas;
    private final RequestNotifier notifier;

    RejectByApproverDelegate(RequestLifecycle lifecycle, QuotaService quotas, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        String decidedBy = (String) execution.getVariable(ProcessVariables.DECIDED_BY);
        String why = "rejected by " + decidedBy + ApproveRequestDelegate.comment(execution);
        quotas.release(request.key());
        lifecycle.move(request.id(), decidedBy, RequestStatus.REJECTED, why, "Rejected",
                why + "; the quota was released");
        notifier.requester(request, "rejected", "Your request was " + why + ".");
    }
}
