package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.config.quota.QuotaService;
import org.springframework.stereotype.Component;

/** The instances run: the reservation becomes an allocation and the request is ACTIVE. */
@Component
class ActivateRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final QuotaService quotas;

    ActivateRequestDelegate(RequestLifecycle lifecycle, QuotaService quotas) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        quotas.allocate(request.key());
        int count = request.instanceIds().size();
        lifecycle.move(request.id(), RequestStatus.ACTIVE, null, "Active",
                count + (count == 1 ? " instance running" : " instances running"));
    }
}
