package org.flatspace.workflows.pool;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the pool's plans run ({@code flatspace.pool.*}).
 *
 * @param migrationParallelism moves of one plan that run at the same time (live migrations load both
 *                             hosts' network; 2 is what vSphere's maintenance mode starts with)
 * @param fenceCommand         a program that powers a failed host off (IPMI, a PDU); called with the
 *                             host's name and URI, exit code 0 means fenced. Empty: an administrator
 *                             confirms instead
 * @param fenceTimeout         how long the fence command may take
 */
@Validated
@ConfigurationProperties("flatspace.pool")
public record PoolProperties(
        @DefaultValue("2") @Min(1) @Max(16) int migrationParallelism,
        @DefaultValue("") String fenceCommand,
        @DefaultValue("PT1M") @NotNull Duration fenceTimeout) {
}
