package org.flatspace.workflows.pool;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.MigrationPlanService;
import org.flatspace.provisioning.migration.PlanState;
import org.flatspace.provisioning.rebalance.Goal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps that host-maintenance.bpmn and host-failure.bpmn share, each a one-line call of
 * {@link MigrationPlanService}: propose, start, run the next moves, close.
 */
@Configuration(proxyBeanMethods = false)
class PlanDelegates {

    @Bean
    JavaDelegate proposeDrainDelegate(MigrationPlanService plans) {
        return execution -> execution.setVariable(PlanVariables.PLAN_ID,
                plans.proposeDrain(hostId(execution), requestedBy(execution)).id());
    }

    @Bean
    JavaDelegate proposeRestartDelegate(MigrationPlanService plans) {
        return execution -> execution.setVariable(PlanVariables.PLAN_ID,
                plans.proposeRestart(hostId(execution), requestedBy(execution)).id());
    }

    /** The administrator's goal when one asked, the schedule's otherwise. */
    @Bean
    JavaDelegate proposeRebalanceDelegate(MigrationPlanService plans, PoolProperties properties) {
        return execution -> {
            Object asked = execution.getVariable(PlanVariables.GOAL);
            Goal goal = asked == null ? properties.rebalance().goal() : Goal.valueOf((String) asked);
            String by = requestedBy(execution) == null ? "schedule" : requestedBy(execution);
            MigrationPlan plan = plans.proposeRebalance(goal, properties.rebalance().maxMigrations(),
                    properties.rebalance().timeLimit(), by);
            execution.setVariable(PlanVariables.PLAN_ID, plan.id());
            execution.setVariable(PlanVariables.MOVE_COUNT, plan.moves().size());
            if (execution.getVariable(PlanVariables.REQUESTED_BY) == null) {
                execution.setVariable(PlanVariables.REQUESTED_BY, by);
            }
        };
    }

    @Bean
    JavaDelegate startPlanDelegate(MigrationPlanService plans) {
        return execution -> plans.start(planId(execution), requestedBy(execution));
    }

    /** One batch of moves per job, so that progress commits and a cancel is seen between batches. */
    @Bean
    JavaDelegate runMovesDelegate(MigrationPlanService plans, PoolProperties properties) {
        return execution -> execution.setVariable(PlanVariables.MORE_MOVES,
                plans.runNext(planId(execution), properties.migrationParallelism()));
    }

    @Bean
    JavaDelegate finishPlanDelegate(MigrationPlanService plans) {
        return execution -> {
            MigrationPlan plan = plans.finish(planId(execution));
            PlanState outcome = plan.state() == PlanState.DONE || plan.state() == PlanState.CANCELLED
                    ? plan.state() : PlanState.INCOMPLETE;
            execution.setVariable(PlanVariables.OUTCOME, outcome.name());
        };
    }

    @Bean
    JavaDelegate discardPlanDelegate(MigrationPlanService plans) {
        return execution -> plans.cancel(planId(execution), requestedBy(execution));
    }

    @Bean
    JavaDelegate enterMaintenanceDelegate(MigrationPlanService plans) {
        return execution -> plans.enterMaintenanceAnyway(hostId(execution));
    }

    @Bean
    JavaDelegate keepActiveDelegate(MigrationPlanService plans) {
        return execution -> plans.keepActive(hostId(execution));
    }

    static long hostId(DelegateExecution execution) {
        return (Long) execution.getVariable(PlanVariables.HOST_ID);
    }

    static long planId(DelegateExecution execution) {
        return (Long) execution.getVariable(PlanVariables.PLAN_ID);
    }

    static String requestedBy(DelegateExecution execution) {
        return (String) execution.getVariable(PlanVariables.REQUESTED_BY);
    }
}
