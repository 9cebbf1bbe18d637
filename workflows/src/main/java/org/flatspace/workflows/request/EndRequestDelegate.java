package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.config.quota.QuotaService;
import org.springframework.stereotype.Component;

/** The instances are gone: the quota is released and the request ENDED, released early or at lease end. */
@Component
class EndRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final QuotaService quotas;
    private final RequestNotifier notifier;

    EndRequestDelegate(RequestLifecycle lifecycle, QuotaService quotas, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        String releasedBy = (String) execution.getVariable(ProcessVariables.RELEASED_BY);
        String why = releasedBy != null ? "released early by " + releasedBy : "lease ended " + request.leaseEnd();
        quotas.release(request.key());
        lifecycle.move(request.id(), RequestStatus.ENDED, why, "Ended",
                why + "; instances removed and quota released");
        notifier.requester(request, "ended", "Your capacity for " + request.functionName() + " has ended (" + why
                + "). Its instances were removed.");
    }
}
