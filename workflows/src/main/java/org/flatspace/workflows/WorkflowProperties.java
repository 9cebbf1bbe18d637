package org.flatspace.workflows;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How the capacity-request workflow behaves ({@code flatspace.workflow.*}).
 *
 * @param escalationAfter     how long a manager has to decide before the request goes to the admins
 * @param leaseReminderBefore how long before a lease ends its requester is reminded
 * @param overQuotaWait       how long a request over quota waits for more quota before it is rejected
 * @param provisioningRetries Camunda retry cycle for provisioning and decommissioning jobs
 * @param baseUrl             the portal's address, for links in e-mails
 * @param mailFrom            sender of Flatspace's e-mails
 */
@Validated
@ConfigurationProperties("flatspace.workflow")
public record WorkflowProperties(
        @DefaultValue("P2D") @NotNull Duration escalationAfter,
        @DefaultValue("P7D") @NotNull Duration leaseReminderBefore,
        @DefaultValue("P14D") @NotNull Duration overQuotaWait,
        @DefaultValue("R3/PT10S") @Pattern(regexp = "R\\d+/P.+", message = "is a retry cycle such as R3/PT10S")
        String provisioningRetries,
        @DefaultValue("http://localhost:8080") @NotBlank String baseUrl,
        @DefaultValue("flatspace@localhost") @NotBlank String mailFrom) {
}
