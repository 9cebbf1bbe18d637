package org.flatspace.provisioning.health;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the host health check.
 *
 * @param failuresBeforeDown consecutive failed checks after which an ACTIVE host is marked DOWN: one
 *                           lost packet must not take a host out of placement
 * @param cycle              how often the check runs, as a Camunda timer cycle: ISO 8601 ("R/PT1M")
 *                           or a cron expression ("0 * * * * ?")
 */
@Validated
@ConfigurationProperties("flatspace.health")
public record HealthProperties(@DefaultValue("3") @Min(1) @Max(100) int failuresBeforeDown,
                               @DefaultValue("R/PT1M") @NotBlank String cycle) {
}
