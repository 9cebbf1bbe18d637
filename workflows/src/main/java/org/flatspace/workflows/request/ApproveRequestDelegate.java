package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Approves the request. The walking skeleton approves every request that its quota holds; the
 * approval policy (DMN) and the manager's task replace this step.
 */
@Component
class ApproveRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;

    ApproveRequestDelegate(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(ProcessVariables.REQUEST_ID);
        lifecycle.move(id, RequestStatus.APPROVED, null, "Approved", "approved automatically: within quota");
    }
}
