package org.flatspace.workflows.request;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.Mobility;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.instance.ProvisioningFailedException;
import org.flatspace.workflows.placement.TierRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places, defines and starts the request's instances. Runs as an asynchronous job; a retry is
 * safe because the instance ids come from the request. When provisioning fails it has already
 * removed what it made: a failure that may pass (a host that did not answer) is retried with a
 * delay, and the last one, or one that will not pass (no room), takes the request to FAILED
 * through the BPMN error.
 */
@Component
class ProvisionInstancesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ProvisionInstancesDelegate.class);

    private final RequestLifecycle lifecycle;
    private final InstanceService instances;
    private final ManagementService management;
    private final CatalogService catalog;

    ProvisionInstancesDelegate(RequestLifecycle lifecycle, InstanceService instances, ManagementService management,
                               CatalogService catalog) {
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.management = management;
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        TierInfo tier = tierOf(request, execution);
        ProvisionOrder order = new ProvisionOrder(request.key(), request.teamId(), request.functionId(),
                request.functionName(), request.sizeName(), request.vcpu(), request.memoryMib(), request.diskGib(),
                request.instanceIds(), TierRules.of(tier),
                new Mobility(tier.liveMigration(), tier.restartOnHostFailure()));
        try {
            instances.provision(order);
        } catch (ProvisioningFailedException e) {
            if (e.retryable() && !lastAttempt(execution)) {
                log.warn("Request {}: provisioning failed, will retry: {}", request.id(), e.adminDetail());
                throw e;
            }
            log.warn("Request {} could not be provisioned: {}", request.id(), e.adminDetail());
            execution.setVariable(ProcessVariables.FAILURE_REASON, e.getMessage());
            throw new BpmnError(ProcessVariables.PROVISIONING_FAILED, e.getMessage());
        }
    }

    /**
     * The function's tier, for its rules ({@link TierRules}) and mobility. A function that no
     * longer exists has no tier to keep, so the request fails rather than be placed without them.
     */
    private TierInfo tierOf(CapacityRequest request, DelegateExecution execution) {
        return catalog.functionOf(request.teamId(), request.functionId()).map(FunctionInfo::tier)
                .orElseThrow(() -> {
                    String reason = "the business function of this request no longer exists";
                    execution.setVariable(ProcessVariables.FAILURE_REASON, reason);
                    return new BpmnError(ProcessVariables.PROVISIONING_FAILED, reason);
                });
    }

    /**
     * Whether this run is the job's last try: Camunda counts retries down with each failure (the
     * cycle comes from {@code provisioningRetries}), and a job with one retry left will not be
     * tried again if it fails now.
     */
    private boolean lastAttempt(DelegateExecution execution) {
        Job job = management.createJobQuery().executionId(execution.getId()).singleResult();
        return job == null || job.getRetries() <= 1;
    }
}
