package org.flatspace.provisioning.migration;

/** Where one move of a plan is. */
public enum MoveStatus {
    /** Has a target and waits its turn. */
    PLANNED,
    /** Has no target: the reason says what blocks it (no room, a spread rule, another hypervisor type). */
    BLOCKED,
    RUNNING,
    DONE,
    /** Was tried and did not happen; the instance stays where it was. */
    FAILED,
    /** Not tried: the plan was cancelled first. */
    SKIPPED
}
