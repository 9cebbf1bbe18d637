package org.flatspace.workflows.pool;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.flatspace.config.person.Role;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.MigrationPlanService;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.springframework.stereotype.Service;

/**
 * Rebalancing and consolidating the pool (pool-rebalance.bpmn), for administrators only: ask for a
 * plan now, and apply or discard a plan that waits for a decision. One rebalance runs at a time.
 */
@Service
public class RebalanceService {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MigrationPlanService plans;

    RebalanceService(RuntimeService runtime, TaskService tasks, MigrationPlanService plans) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.plans = plans;
    }

    /**
     * Asks for a plan now; the planner runs in the background (for up to the configured time limit)
     * and the plan then waits for a decision, or is applied at once if the policy says so.
     *
     * @throws IllegalStateException if a rebalance is being planned, waits or runs already
     */
    public void planNow(Actor actor, Goal goal) {
        requireAdmin(actor);
        if (inProgress()) {
            throw new IllegalStateException("A rebalance is already being planned, waits for a decision or runs");
        }
        runtime.startProcessInstanceByMessage(PlanVariables.MESSAGE_REBALANCE_ASKED, PlanVariables.REBALANCE_KEY,
                Map.of(PlanVariables.GOAL, goal.name(), PlanVariables.REQUESTED_BY, actor.username()));
    }

    /** Whether a rebalance process is on its way (planning, waiting for a decision, or moving). */
    public boolean inProgress() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PlanVariables.REBALANCE_PROCESS)
                .active().count() > 0;
    }

    /** The plan that waits for an administrator's decision, if any. */
    public Optional<MigrationPlan> waitingForDecision(Actor actor) {
        requireAdmin(actor);
        return approvalTask().map(t -> plans.plan((Long) runtime.getVariable(t.getExecutionId(),
                PlanVariables.PLAN_ID)));
    }

    /** Applies the waiting plan: its moves start. */
    public void apply(Actor actor) {
        decide(actor, true);
    }

    /** Discards the waiting plan: nothing moves. */
    public void discard(Actor actor) {
        decide(actor, false);
    }

    private void decide(Actor actor, boolean approved) {
        requireAdmin(actor);
        Task task = approvalTask().orElseThrow(() -> new IllegalStateException("No rebalance plan waits for a decision"));
        tasks.setAssignee(task.getId(), actor.username());
        tasks.complete(task.getId(), Map.of(PlanVariables.APPROVED, approved));
    }

    private Optional<Task> approvalTask() {
        return tasks.createTaskQuery().processDefinitionKey(PlanVariables.REBALANCE_PROCESS)
                .taskDefinitionKey(PlanVariables.TASK_APPROVE_PLAN).list().stream().findFirst();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotAllowedException("Only administrators rebalance the pool");
        }
    }
}
