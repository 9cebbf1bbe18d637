package org.flatspace.workflows.audit;

import java.util.Map;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.placement.WhatIfService;
import org.flatspace.workflows.policy.ApprovalPolicyService;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.QuotaIncreaseService;
import org.springframework.stereotype.Component;

/**
 * Records every {@link NotAllowedException} that a workflow service's public method taking an
 * {@link Actor} throws, as DENIED for that actor: action {@code <noun>.<method>} (e.g.
 * {@code host.drain}, {@code approval.approve}), the object the call named, the refusal's message.
 * Only the outermost service call records, so a refusal passed up through two services is one entry.
 */
@Aspect
@Component
class RefusalAudit {

    /** What each service's actions and objects are called; a service not listed gets its class name. */
    private static final Map<Class<?>, Naming> NAMES = Map.of(
            CapacityRequestService.class, new Naming("request", "request"),
            QuotaIncreaseService.class, new Naming("quota-increase", "request"),
            ApprovalService.class, new Naming("approval", "task"),
            HostMaintenanceService.class, new Naming("host", "host"),
            ApprovalPolicyService.class, new Naming("policy", null),
            WhatIfService.class, new Naming("whatif", null));

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final AuditService audit;
    private final PoolService pool;

    RefusalAudit(AuditService audit, PoolService pool) {
        this.audit = audit;
        this.pool = pool;
    }

    @Around("execution(public * org.flatspace.workflows..*Service.*(org.flatspace.workflows.Actor, ..))")
    Object recordRefusal(ProceedingJoinPoint call) throws Throwable {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return call.proceed();
        } catch (NotAllowedException refused) {
            if (depth[0] == 1) {
                record(call, refused);
            }
            throw refused;
        } finally {
            if (--depth[0] == 0) {
                DEPTH.remove();
            }
        }
    }

    private void record(ProceedingJoinPoint call, NotAllowedException refused) {
        Object[] args = call.getArgs();
        if (!(args[0] instanceof Actor actor)) {
            return;
        }
        Class<?> service = call.getSignature().getDeclaringType();
        Naming naming = NAMES.getOrDefault(service, new Naming(kebab(service.getSimpleName().replace("Service", "")),
                null));
        String action = naming.action() + "." + kebab(call.getSignature().getName());
        audit.record(actor.username(), null, action, refused.object().orElseGet(() -> object(naming, args)),
                AuditOutcome.DENIED, refused.getMessage());
    }

    /** {@code <noun>:<the call's second argument>} when that names something (an id), else null. */
    private String object(Naming naming, Object[] args) {
        if (naming.object() == null || args.length < 2 || !(args[1] instanceof Number || args[1] instanceof String)) {
            return null;
        }
        if (naming.object().equals("host") && args[1] instanceof Number id) {
            return "host:" + pool.host(id.longValue()).map(HostView::name).orElse(String.valueOf(id));
        }
        return naming.object() + ":" + args[1];
    }

    /** leaveMaintenance -> leave-maintenance */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private record Naming(String action, String object) {
    }
}
