package org.flatspace.workflows.request;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.springframework.stereotype.Component;

/** The admin approved: the team's limits grow by what was asked, and the waiting request tries again. */
@Component
class RaiseQuotaDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final QuotaService quotas;
    private final RuntimeService runtime;

    RaiseQuotaDelegate(RequestLifecycle lifecycle, QuotaService quotas, RuntimeService runtime) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        Resources extra = new Resources((Integer) execution.getVariable(ProcessVariables.EXTRA_VCPU),
                (Long) execution.getVariable(ProcessVariables.EXTRA_MEMORY_MIB),
                (Long) execution.getVariable(ProcessVariables.EXTRA_DISK_GIB),
                (Integer) execution.getVariable(ProcessVariables.EXTRA_INSTANCES));
        String decidedBy = (String) execution.getVariable(ProcessVariables.DECIDED_BY);
        quotas.raiseLimits(decidedBy, request.teamId(), extra, "quota increase for request " + request.id());
        lifecycle.record(request.id(), decidedBy, "Quota increased", QuotaIncreaseService.describe(extra)
                + ", approved by " + decidedBy + ApproveRequestDelegate.comment(execution));
        // correlateAll: a request withdrawn meanwhile simply no longer waits for the message
        runtime.createMessageCorrelation(ProcessVariables.MESSAGE_QUOTA_INCREASED)
                .processInstanceBusinessKey(String.valueOf(request.id())).correlateAll();
    }
}
