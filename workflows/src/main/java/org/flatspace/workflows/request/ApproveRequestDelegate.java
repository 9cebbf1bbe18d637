package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The request is approved: by the policy (AUTO) or by the last person who decided on it. */
@Component
class ApproveRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;

    ApproveRequestDelegate(RequestLifecycle lifecycle, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(ProcessVariables.REQUEST_ID);
        String decidedBy = (String) execution.getVariable(ProcessVariables.DECIDED_BY);
        String detail = decidedBy == null ? "approved automatically by the approval policy"
                : "approved by " + decidedBy + comment(execution);
        lifecycle.move(id, decidedBy, RequestStatus.APPROVED, null, "Approved", detail);
        if (decidedBy != null) {
            // approved by the policy, the requester hears once, when the capacity is active
            notifier.requester(lifecycle.get(id), "approved", "Your request was " + detail
                    + ". Flatspace is starting the instances.");
        }
    }

    static String comment(DelegateExecution execution) {
        String comment = (String) execution.getVariable(ProcessVariables.DECISION_COMMENT);
        return comment == null || comment.isBlank() ? "" : ": " + comment;
    }
}
