package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A decision task was created: the request waits for its managers or the admins, who are told so.
 * The requester is never among those told, and {@link ApprovalService} never lets them decide.
 */
@Component
class ApprovalTaskListener implements TaskListener {

    private final RequestLifecycle lifecycle;
    private final RequestNotifier notifier;

    ApprovalTaskListener(RequestLifecycle lifecycle, RequestNotifier notifier) {
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        CapacityRequest request = lifecycle.get((Long) task.getVariable(ProcessVariables.REQUEST_ID));
        ApprovalKind kind = ApprovalKind.of(task.getTaskDefinitionKey());
        if (kind == ApprovalKind.EXTENSION) {
            lifecycle.record(request.id(), RequestLifecycle.SYSTEM, "Waiting for approval",
                    "the extension to " + task.getVariable(ProcessVariables.REQUESTED_LEASE_END) + " waits for "
                            + kind.deciders());
        } else if (kind.isQuotaIncrease()) {
            lifecycle.record(request.id(), RequestLifecycle.SYSTEM, "Waiting for a quota decision",
                    "the quota increase waits for " + kind.deciders());
        } else {
            lifecycle.move(request.id(), RequestStatus.PENDING_APPROVAL, "waits for " + kind.deciders(),
                    "Waiting for approval", kind.deciders() + " decide (" + task.getVariable(ProcessVariables.APPROVAL)
                            + ")");
        }
        String text = request.requester() + " asks for " + request.resources().instances() + " x " + request.sizeName()
                + " for " + request.functionName() + " until " + request.leaseEnd() + ": " + request.reason()
                + "\nPlease approve or reject it in Flatspace.";
        if (kind.forAdmins()) {
            notifier.admins(request, "waits for your decision", text);
        } else {
            notifier.managers(request, "waits for your approval", text);
        }
    }
}
