package org.flatspace.workflows.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Reservation;
import org.springframework.stereotype.Component;

/** Reserves the request's resources from its team's quota, all or nothing. */
@Component
class ReserveQuotaDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final QuotaService quotas;

    ReserveQuotaDelegate(RequestLifecycle lifecycle, QuotaService quotas) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CapacityRequest request = lifecycle.get((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
        Reservation reservation = quotas.reserve(request.teamId(), request.key(), request.resources());
        if (reservation.granted()) {
            lifecycle.record(request.id(), RequestLifecycle.SYSTEM, "Quota reserved",
                    describe(request));
        } else {
            execution.setVariable(ProcessVariables.FAILURE_REASON, reservation.describeShortfall());
        }
        execution.setVariable(ProcessVariables.QUOTA_RESERVED, reservation.granted());
    }

    private static String describe(CapacityRequest r) {
        var res = r.resources();
        return res.vcpu() + " vCPU, " + res.memoryMib() + " MiB memory, " + res.diskGib() + " GiB disk, "
                + res.instances() + " instance(s)";
    }
}
