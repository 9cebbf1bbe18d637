package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.config.quota.QuotaService;
import org.springframework.stereotype.Component;

/** The request was withdrawn while it waited for approval: its quota is released. */
@Component
class WithdrawRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final QuotaService quotas;

    WithdrawRequestDelegate(RequestLifecycle lifecycle, QuotaService quotas) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        String by = (String) execution.getVariable(ProcessVariables.DECIDED_BY);
        quotas.release(request.key());
        lifecycle.move(request.id(), by, RequestStatus.WITHDRAWN, "withdrawn by " + by, "Withdrawn",
                "withdrawn by " + by + "; the quota was released");
    }
}
