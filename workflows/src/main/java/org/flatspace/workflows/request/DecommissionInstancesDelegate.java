package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.provisioning.instance.InstanceService;
import org.springframework.stereotype.Component;

/**
 * Removes the request's instances from their hosts (destroy and undefine). Runs as an
 * asynchronous job; decommissioning is idempotent per instance, so a retry is safe.
 */
@Component
class DecommissionInstancesDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final InstanceService instances;

    DecommissionInstancesDelegate(RequestLifecycle lifecycle, InstanceService instances) {
        this.lifecycle = lifecycle;
        this.instances = instances;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        request.instanceIds().forEach(instances::decommission);
    }
}
