package org.flatspace.portal.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many failed sign-ins an account and an address may have in a window before further tries
 * are refused until the window ends ({@code flatspace.security.login.*}). ASVS 2.2.1 asks for no
 * more than 100 failed attempts an hour per account; the defaults allow 40.
 */
@Validated
@ConfigurationProperties("flatspace.security.login")
record LoginThrottleProperties(
        @DefaultValue("10") @Min(1) @Max(100) int maxFailuresPerAccount,
        @DefaultValue("50") @Min(1) int maxFailuresPerAddress,
        @DefaultValue("PT15M") @NotNull Duration window) {
}
