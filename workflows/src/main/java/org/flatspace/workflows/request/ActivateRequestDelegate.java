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
    private final RequestNotifier notifier;

    ActivateRequestDelegate(RequestLifecycle lifecycle, QuotaService quotas, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        quotas.allocate(request.key());
        int count = request.instanceIds().size();
        String running = count + (count == 1 ? " instance running" : " instances running");
        lifecycle.move(request.id(), RequestStatus.ACTIVE, null, "Active", running);
        notifier.requester(request, "active", "Your capacity is ready: " + running + " for " + request.functionName()
                + " until " + request.leaseEnd() + ".");
    }
}
