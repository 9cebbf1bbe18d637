package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Provisioning failed for good (retries spent, or no room at all) and the request is FAILED with
 * its quota released and nothing left running: raises an incident ({@code provisioningFailed},
 * shown in Cockpit on the request's process) and tells the administrators, who look at why (a
 * full pool, a host that keeps failing) and mark the failure reviewed on the request's page.
 */
@Component("raiseFailureIncident")
class RaiseFailureIncidentListener implements ExecutionListener {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;

    RaiseFailureIncidentListener(RequestLifecycle lifecycle, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        String why = (String) execution.getVariable(ProcessVariables.FAILURE_REASON);
        String text = "Provisioning of request " + request.id() + " (" + request.functionName() + ", team "
                + request.teamName() + ") failed: " + why + ". Nothing was left running and the quota was released.";
        execution.createIncident(ProcessVariables.FAILURE_INCIDENT, String.valueOf(request.id()), text);
        notifier.admins(request, "provisioning failed",
                text + " Find out why, then mark the failure reviewed on the request's page.");
    }
}
