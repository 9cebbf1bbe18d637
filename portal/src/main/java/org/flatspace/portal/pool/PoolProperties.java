package org.flatspace.portal.pool;

import java.util.List;

import org.flatspace.provisioning.host.HypervisorType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Hosts declared in configuration ({@code flatspace.pool.hosts[n].*}), added to the pool at start-up
 * when no host of that name is there yet. The way to bring real libvirt hosts in until admins can
 * add them in the portal.
 */
@Validated
@ConfigurationProperties("flatspace.pool")
record PoolProperties(@DefaultValue List<@Valid Host> hosts) {

    record Host(@NotBlank String name, @NotBlank String uri, @NotNull HypervisorType type, @Min(1) int cpus,
                @Min(1) long memoryMib, @Min(0) long diskGib,
                @DefaultValue("1.0") @DecimalMin("1.0") @DecimalMax("16.0") double cpuOvercommit,
                String faultDomain) {
    }
}
