package org.flatspace.workflows.pool;

/** The variables of host-maintenance.bpmn, host-failure.bpmn and pool-rebalance.bpmn. */
final class PlanVariables {

    static final String MAINTENANCE_PROCESS = "host-maintenance";
    static final String FAILURE_PROCESS = "host-failure";
    static final String MESSAGE_HOST_ANSWERS = "host-answers";
    static final String REBALANCE_PROCESS = "pool-rebalance";
    static final String REBALANCE_KEY = "pool";
    static final String MESSAGE_REBALANCE_ASKED = "rebalance-asked";

    /** The host being drained or restarted from. */
    static final String HOST_ID = "hostId";
    /** The current plan (a new one after "plan again"). */
    static final String PLAN_ID = "planId";
    /** Who asked. */
    static final String REQUESTED_BY = "requestedBy";
    /** The administrator's answer to the proposed plan. */
    static final String CONFIRMED = "confirmed";
    /** Whether planned moves are left after a batch. */
    static final String MORE_MOVES = "moreMoves";
    /** How the plan ended: DONE, INCOMPLETE or CANCELLED. */
    static final String OUTCOME = "outcome";
    /** After an incomplete drain: RETRY, MAINTENANCE or ACTIVE. */
    static final String DECISION = "decision";
    /** Whether the failed host is fenced. */
    static final String FENCED = "fenced";

    /** BALANCE or CONSOLIDATE, when an administrator asks (the schedule's goal otherwise). */
    static final String GOAL = "goal";
    /** How many moves the proposed plan holds. */
    static final String MOVE_COUNT = "moveCount";
    /** The administrator's answer to a rebalance plan. */
    static final String APPROVED = "approved";

    static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
    static final String TASK_CONFIRM_DRAIN = "Task_ConfirmDrain";
    static final String TASK_DECIDE_INCOMPLETE = "Task_DecideIncomplete";
    static final String TASK_CONFIRM_FENCING = "Task_ConfirmFencing";

    private PlanVariables() {
    }

    static String businessKey(long hostId) {
        return "host-" + hostId;
    }
}
