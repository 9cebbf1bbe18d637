package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.instance.ProvisioningFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places, defines and starts the request's instances. Runs as an asynchronous job; a retry is
 * safe because the instance ids come from the request. When provisioning fails it has already
 * removed what it made, and the BPMN error takes the request to FAILED.
 */
@Component
class ProvisionInstancesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ProvisionInstancesDelegate.class);

    private final RequestLifecycle lifecycle;
    private final InstanceService instances;

    ProvisionInstancesDelegate(RequestLifecycle lifecycle, InstanceService instances) {
        this.lifecycle = lifecycle;
        this.instances = instances;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        ProvisionOrder order = new ProvisionOrder(request.key(), request.teamId(), request.functionId(),
                request.functionName(), request.sizeName(), request.vcpu(), request.memoryMib(), request.diskGib(),
                request.instanceIds());
        try {
            instances.provision(order);
        } catch (ProvisioningFailedException e) {
            log.warn("Request {} could not be provisioned: {}", request.id(), e.adminDetail());
            execution.setVariable(ProcessVariables.FAILURE_REASON, e.getMessage());
            throw new BpmnError(ProcessVariables.PROVISIONING_FAILED, e.getMessage());
        }
    }
}
