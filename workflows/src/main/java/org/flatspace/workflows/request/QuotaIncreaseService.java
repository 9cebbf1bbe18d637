package org.flatspace.workflows.request;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a request that is over quota into a quota-increase request ({@code quota-increase.bpmn}):
 * the team's manager asks (a requester's ask goes to a manager first), an admin approves or
 * rejects with a comment; the quota grows by what the request lacks and the request tries again,
 * or it is rejected with the admin's reason. The requester or a manager of the team may ask.
 */
@Service
@Transactional
public class QuotaIncreaseService {

    private final CapacityRequestService requests;
    private final QuotaService quotas;
    private final RuntimeService runtime;
    private final RequestLifecycle lifecycle;
    private final AuditService audit;

    QuotaIncreaseService(CapacityRequestService requests, QuotaService quotas, RuntimeService runtime,
                         RequestLifecycle lifecycle, AuditService audit) {
        this.requests = requests;
        this.quotas = quotas;
        this.runtime = runtime;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    /** What the request lacks: the increase asked for. Whoever may read the request may read it. */
    @Transactional(readOnly = true)
    public Resources shortfall(Actor actor, long requestId) {
        return shortfallOf(requests.readable(actor, requestId));
    }

    public void ask(Actor actor, long requestId, String reason) {
        CapacityRequest request = requests.ownTeams(actor, requestId, "ask-quota-increase");
        CapacityRequestService.requireRequesterOrManager(actor, request, "ask more quota for");
        if (request.status() != RequestStatus.OVER_QUOTA) {
            throw new NotAllowedException("Only a request over quota needs a quota increase");
        }
        String businessKey = String.valueOf(requestId);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.QUOTA_PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).count() > 0) {
            throw new NotAllowedException("A quota increase for this request is already waiting for a decision");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidRequestException(Map.of("reason", "Say in up to 1000 characters why the team needs more"));
        }
        Resources extra = shortfallOf(request);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ProcessVariables.REQUEST_ID, requestId);
        variables.put(ProcessVariables.ASKED_BY, actor.username());
        variables.put(ProcessVariables.ASKED_BY_MANAGER, actor.is(Role.MANAGER));
        variables.put(ProcessVariables.EXTRA_VCPU, extra.vcpu());
        variables.put(ProcessVariables.EXTRA_MEMORY_MIB, extra.memoryMib());
        variables.put(ProcessVariables.EXTRA_DISK_GIB, extra.diskGib());
        variables.put(ProcessVariables.EXTRA_INSTANCES, extra.instances());
        variables.put(ProcessVariables.INCREASE_REASON, reason.strip());
        lifecycle.record(requestId, actor.username(), "Quota increase asked", describe(extra) + ": " + reason.strip());
        runtime.startProcessInstanceByKey(ProcessVariables.QUOTA_PROCESS_KEY, businessKey, variables);
        audit.record(actor.username(), null, "quota-increase.ask", "request:" + requestId, AuditOutcome.SUCCESS,
                describe(extra));
    }

    static String describe(Resources r) {
        return "+" + r.vcpu() + " vCPU, +" + r.memoryMib() + " MiB memory, +" + r.diskGib() + " GiB disk, +"
                + r.instances() + " instances";
    }

    private Resources shortfallOf(CapacityRequest request) {
        QuotaUsage usage = quotas.usage(request.teamId());
        Resources wanted = request.resources();
        return new Resources((int) lack(wanted.vcpu(), usage.freeVcpu()), lack(wanted.memoryMib(), usage.freeMemoryMib()),
                lack(wanted.diskGib(), usage.freeDiskGib()), (int) lack(wanted.instances(), usage.freeInstances()));
    }

    private static long lack(long wanted, long free) {
        return Math.max(0, wanted - Math.max(free, 0));
    }
}
