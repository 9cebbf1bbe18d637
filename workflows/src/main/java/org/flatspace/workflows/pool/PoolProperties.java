package org.flatspace.workflows.pool;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.flatspace.provisioning.rebalance.Goal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the pool's plans run ({@code flatspace.pool.*}).
 *
 * @param migrationParallelism moves of one drain or restart plan that run at the same time (live
 *                             migrations load both hosts' network; 2 is what vSphere's maintenance
 *                             mode starts with); a rebalance runs one at a time, in its order
 * @param fenceCommand         a program that powers a failed host off (IPMI, a PDU); called with the
 *                             host's name and URI, exit code 0 means fenced. Empty: an administrator
 *                             confirms instead
 * @param fenceTimeout         how long the fence command may take
 * @param rebalance            when and how the pool is rebalanced (pool-rebalance.bpmn)
 */
@Validated
@ConfigurationProperties("flatspace.pool")
public record PoolProperties(
        @DefaultValue("2") @Min(1) @Max(16) int migrationParallelism,
        @DefaultValue("") String fenceCommand,
        @DefaultValue("PT1M") @NotNull Duration fenceTimeout,
        @DefaultValue @NotNull @Valid Rebalance rebalance) {

    /**
     * @param cycle         the timer cycle of pool-rebalance.bpmn (ISO 8601 repeat or cron), read when
     *                      the process is deployed
     * @param goal          what the scheduled plan aims for
     * @param maxMigrations the most moves one plan holds
     * @param timeLimit     how long the planner searches
     * @param automatic     apply plans without an administrator (otherwise one applies or discards them)
     */
    public record Rebalance(
            @DefaultValue("R/PT6H") @NotBlank String cycle,
            @DefaultValue("BALANCE") @NotNull Goal goal,
            @DefaultValue("20") @Min(1) @Max(1000) int maxMigrations,
            @DefaultValue("PT10S") @NotNull Duration timeLimit,
            @DefaultValue("false") boolean automatic) {
    }
}
