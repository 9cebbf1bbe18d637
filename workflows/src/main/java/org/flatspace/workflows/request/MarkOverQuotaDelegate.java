package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.workflows.WorkflowProperties;
import org.springframework.stereotype.Component;

/**
 * The team's quota does not hold the request: it waits, holding nothing, while its requester can
 * ask for more quota; they are told by how much it is short.
 */
@Component
class MarkOverQuotaDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;
    private final WorkflowProperties properties;

    MarkOverQuotaDelegate(RequestLifecycle lifecycle, RequestNotifier notifier, WorkflowProperties properties) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(ProcessVariables.REQUEST_ID);
        String shortfall = (String) execution.getVariable(ProcessVariables.FAILURE_REASON);
        lifecycle.move(id, RequestStatus.OVER_QUOTA, shortfall, "Over quota", shortfall);
        notifier.requester(lifecycle.get(id), "over quota", "Your team's quota does not hold this request: "
                + shortfall + ". Ask for a quota increase, or withdraw the request; otherwise it is rejected in "
                + properties.overQuotaWait().toDays() + " days.");
    }
}
