package org.flatspace.workflows.pool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.person.Role;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.MigrationPlanService;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.springframework.stereotype.Service;

/**
 * Host maintenance and host failure for administrators, and only for them: drain a host (through
 * host-maintenance.bpmn, which shows the plan before anything moves), confirm or discard the plan,
 * cancel it while it runs, decide what happens to a host that could not be emptied, take a host
 * out of maintenance, and confirm that a failed host is off (host-failure.bpmn). Every method
 * refuses anyone who is not an administrator. Every change is audited ({@code host.drain},
 * {@code host.confirm}, ...): what happened, or why it failed.
 */
@Service
public class HostMaintenanceService {

    private static final int RECENT = 10;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MigrationPlanService plans;
    private final PoolService pool;
    private final InstanceService instances;
    private final AuditService audit;

    HostMaintenanceService(RuntimeService runtime, TaskService tasks, MigrationPlanService plans, PoolService pool,
                           InstanceService instances, AuditService audit) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.plans = plans;
        this.pool = pool;
        this.instances = instances;
        this.audit = audit;
    }

    /**
     * Asks to drain the host: the returned plan says where each instance would go, or what blocks
     * it. Nothing moves until {@link #confirm}.
     *
     * @throws IllegalStateException if the host is not ACTIVE or already has a plan or a process
     */
    public MigrationPlan drain(Actor actor, long hostId) {
        requireAdmin(actor);
        return audited(actor, "host.drain", hostId, host -> {
            if (host.state() != HostState.ACTIVE) {
                throw new IllegalStateException("Host " + host.name() + " is " + host.state().name().toLowerCase()
                        + "; only an active host can be drained");
            }
            if (processOf(hostId).isPresent()) {
                throw new IllegalStateException("Host " + host.name() + " is already being drained or recovered");
            }
            runtime.startProcessInstanceByKey(PlanVariables.MAINTENANCE_PROCESS, PlanVariables.businessKey(hostId),
                    Map.of(PlanVariables.HOST_ID, hostId, PlanVariables.REQUESTED_BY, actor.username()));
            return plans.openPlanOf(hostId).orElseThrow();
        }, plan -> "drain planned: " + plan.summary());
    }

    /** Confirms the proposed drain plan: the host leaves placement and the moves start. */
    public void confirm(Actor actor, long hostId) {
        complete(actor, "host.confirm", hostId, PlanVariables.TASK_CONFIRM_DRAIN, Map.of(PlanVariables.CONFIRMED, true),
                "drain plan confirmed: the host leaves placement and its instances move");
    }

    /** Discards the proposed drain plan: nothing moves, the host stays as it is. */
    public void discard(Actor actor, long hostId) {
        complete(actor, "host.discard", hostId, PlanVariables.TASK_CONFIRM_DRAIN,
                Map.of(PlanVariables.CONFIRMED, false), "drain plan discarded: nothing moves");
    }

    /** Cancels the host's running plan: it stops after the moves in flight. */
    public void cancel(Actor actor, long hostId) {
        requireAdmin(actor);
        audited(actor, "host.cancel", hostId, host -> {
            MigrationPlan plan = plans.openPlanOf(hostId)
                    .orElseThrow(() -> new IllegalStateException("Host " + host.name() + " has no running plan"));
            if (!plans.cancel(plan.id(), actor.username())) {
                throw new IllegalStateException("Plan " + plan.id() + " is " + plan.state().name().toLowerCase()
                        + " and cannot be cancelled");
            }
            return plan;
        }, plan -> "plan " + plan.id() + " cancelled after the moves in flight (" + plan.progress() + ")");
    }

    /** After a drain that could not move everything: what happens to the host. */
    public void decide(Actor actor, long hostId, IncompleteDrainDecision decision) {
        complete(actor, "host.decide", hostId, PlanVariables.TASK_DECIDE_INCOMPLETE,
                Map.of(PlanVariables.DECISION, decision.name()), "incomplete drain decided: " + decision.name());
    }

    /** Takes the host out of maintenance: it takes instances again. */
    public void leaveMaintenance(Actor actor, long hostId) {
        requireAdmin(actor);
        audited(actor, "host.leave-maintenance", hostId, host -> {
            if (!plans.leaveMaintenance(hostId)) {
                throw new IllegalStateException("Host " + host.name() + " is not in maintenance");
            }
            return host;
        }, host -> "MAINTENANCE -> ACTIVE: the host takes instances again");
    }

    /**
     * Confirms that a DOWN host is off (powered down, cut from its storage): its HA instances then
     * restart on other hosts. Only confirm what you have checked: an instance that still runs there
     * would run twice until the host comes back.
     */
    public void confirmFencing(Actor actor, long hostId) {
        complete(actor, "host.confirm-fencing", hostId, PlanVariables.TASK_CONFIRM_FENCING, Map.of(),
                "confirmed that the host is off: its HA instances restart elsewhere");
    }

    /** One host for administrators. */
    public HostOverview overview(Actor actor, long hostId) {
        requireAdmin(actor);
        HostView host = host(hostId);
        return new HostOverview(host, pool.fenced(hostId), instances.onHost(hostId), plans.openPlanOf(hostId),
                waitingFor(hostId), plans.recent(hostId, RECENT), plans.movesTouching(hostId, RECENT));
    }

    /** The pool's recent plans, newest first. */
    public List<MigrationPlan> recentPlans(Actor actor, int limit) {
        requireAdmin(actor);
        return plans.recent(null, Math.min(Math.max(limit, 1), 100));
    }

    /** A plan, for administrators. */
    public MigrationPlan plan(Actor actor, long planId) {
        requireAdmin(actor);
        return plans.plan(planId);
    }

    private HostStep waitingFor(long hostId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(PlanVariables.businessKey(hostId)).list().stream()
                .map(Task::getTaskDefinitionKey).map(key -> switch (key) {
                    case PlanVariables.TASK_CONFIRM_DRAIN -> HostStep.CONFIRM_DRAIN;
                    case PlanVariables.TASK_DECIDE_INCOMPLETE -> HostStep.DECIDE_INCOMPLETE_DRAIN;
                    case PlanVariables.TASK_CONFIRM_FENCING -> HostStep.CONFIRM_FENCING;
                    default -> HostStep.NONE;
                }).findFirst().orElse(HostStep.NONE);
    }

    private void complete(Actor actor, String action, long hostId, String taskKey, Map<String, Object> variables,
                          String detail) {
        requireAdmin(actor);
        audited(actor, action, hostId, host -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(PlanVariables.businessKey(hostId))
                    .taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new IllegalStateException("Host " + host.name() + " is not waiting for that (any more)");
            }
            tasks.setAssignee(task.getId(), actor.username());
            tasks.complete(task.getId(), variables);
            return host;
        }, host -> detail);
    }

    /**
     * Makes an administrator's change to the host and audits it: SUCCESS with the detail, or FAILED
     * with the reason it failed for. (Refusals of non-administrators are recorded by
     * {@code RefusalAudit}.)
     */
    private <T> T audited(Actor actor, String action, long hostId, Function<HostView, T> change,
                          Function<T, String> detail) {
        Optional<HostView> host = pool.host(hostId);
        String object = "host:" + host.map(HostView::name).orElse(String.valueOf(hostId));
        T result;
        try {
            result = change.apply(host.orElseThrow(() -> new IllegalArgumentException("No such host")));
        } catch (RuntimeException e) {
            audit.record(actor.username(), null, action, object, AuditOutcome.FAILED, e.getMessage());
            throw e;
        }
        audit.record(actor.username(), null, action, object, AuditOutcome.SUCCESS, detail.apply(result));
        return result;
    }

    private Optional<String> processOf(long hostId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(PlanVariables.businessKey(hostId))
                .active().list().stream().map(p -> p.getProcessInstanceId()).findFirst();
    }

    private HostView host(long hostId) {
        return pool.host(hostId).orElseThrow(() -> new IllegalArgumentException("No such host"));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotAllowedException("Only administrators look after hosts");
        }
    }
}
