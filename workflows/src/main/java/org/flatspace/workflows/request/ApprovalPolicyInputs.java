package org.flatspace.workflows.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.flatspace.config.quota.Resources;
import org.springframework.stereotype.Component;

/**
 * Gives approval-policy.dmn its inputs (tier, totalVcpu, totalMemoryMib, leaseDays, team) as
 * transient variables when a policy decision starts: they are read from the request then, never
 * stored. For an extension, the lease is counted to the end asked for.
 */
@Component
class ApprovalPolicyInputs implements ExecutionListener {

    private final RequestLifecycle lifecycle;
    private final Clock clock;

    ApprovalPolicyInputs(RequestLifecycle lifecycle, Optional<Clock> clock) {
        this.lifecycle = lifecycle;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Override
    public void notify(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        Object extension = execution.getVariable(ProcessVariables.REQUESTED_LEASE_END);
        LocalDate leaseEnd = extension == null ? request.leaseEnd() : LocalDate.parse((String) extension);
        Resources total = request.resources();
        execution.setVariable(ProcessVariables.TIER, Variables.stringValue(request.tierName(), true));
        execution.setVariable(ProcessVariables.TEAM, Variables.stringValue(request.teamName(), true));
        execution.setVariable(ProcessVariables.TOTAL_VCPU, Variables.integerValue(total.vcpu(), true));
        execution.setVariable(ProcessVariables.TOTAL_MEMORY_MIB, Variables.longValue(total.memoryMib(), true));
        execution.setVariable(ProcessVariables.LEASE_DAYS,
                Variables.integerValue((int) ChronoUnit.DAYS.between(LocalDate.now(clock), leaseEnd), true));
    }
}
