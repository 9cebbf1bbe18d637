package org.flatspace.workflows.request;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The increase was refused (by the manager or the admin): the waiting request is rejected with that reason. */
@Component
class DenyQuotaIncreaseDelegate implements JavaDelegate {

    private final RuntimeService runtime;

    DenyQuotaIncreaseDelegate(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(ProcessVariables.REQUEST_ID);
        String why = "quota increase rejected by " + execution.getVariable(ProcessVariables.DECIDED_BY)
                + ApproveRequestDelegate.comment(execution);
        runtime.createMessageCorrelation(ProcessVariables.MESSAGE_QUOTA_DENIED)
                .processInstanceBusinessKey(String.valueOf(requestId))
                .setVariables(Map.of(ProcessVariables.FAILURE_REASON, why)).correlateAll();
    }
}
