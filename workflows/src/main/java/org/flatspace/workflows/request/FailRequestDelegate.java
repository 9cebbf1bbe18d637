package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.config.quota.QuotaService;
import org.springframework.stereotype.Component;

/** Provisioning failed: gives the quota back and marks the request FAILED with the reason. */
@Component
class FailRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final QuotaService quotas;
    private final RequestNotifier notifier;

    FailRequestDelegate(RequestLifecycle lifecycle, QuotaService quotas, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        String why = (String) execution.getVariable(ProcessVariables.FAILURE_REASON);
        quotas.release(request.key());
        lifecycle.move(request.id(), RequestStatus.FAILED, why, "Failed", why + "; the quota was released");
        notifier.requester(request, "failed", "Your capacity could not be started: " + why
                + ". Nothing was left running and your team's quota was released; please try again later.");
    }
}
