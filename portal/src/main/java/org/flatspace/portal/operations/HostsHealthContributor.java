package org.flatspace.portal.operations;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.flatspace.provisioning.health.HostHealth;
import org.flatspace.provisioning.health.HostHealthService;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code hosts}: every host of the pool with its state and what the last
 * health check found. It reads what the host-health process recorded (two queries) and never calls
 * a host itself, so a health request costs no libvirt connection and cannot hang on a dead host.
 * An ACTIVE host is UP, a DOWN host DOWN; any other state (an administrator's MAINTENANCE) is a
 * status of its own that does not change the pool's. Not part of this node's own health: see
 * {@link NodeHealthGroups}.
 */
@Component
class HostsHealthContributor implements CompositeHealthContributor {

    static final String NAME = "hosts";

    private final HostHealthService health;

    HostsHealthContributor(HostHealthService health) {
        this.health = health;
    }

    @Override
    public HealthContributor getContributor(String hostName) {
        return health.report().stream().filter(h -> h.hostName().equals(hostName)).findFirst()
                .map(HostsHealthContributor::indicator).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        List<NamedContributor<HealthContributor>> hosts = health.report().stream()
                .map(h -> NamedContributor.of(h.hostName(), indicator(h))).toList();
        return hosts.iterator();
    }

    private static HealthContributor indicator(HostHealth host) {
        return (HealthIndicator) () -> health(host);
    }

    static Health health(HostHealth host) {
        Health.Builder builder = Health.status(status(host.state().name()))
                .withDetail("state", host.state().name())
                .withDetail("consecutiveFailures", host.consecutiveFailures());
        Optional.ofNullable(host.lastCheckedAt()).ifPresent(at -> builder.withDetail("lastCheckedAt", at.toString()));
        Optional.ofNullable(host.lastAnswerAt()).ifPresent(at -> builder.withDetail("lastAnswerAt", at.toString()));
        Optional.ofNullable(host.lastError()).ifPresent(error -> builder.withDetail("lastError", error));
        Optional.ofNullable(host.capacityWarning()).ifPresent(w -> builder.withDetail("capacityWarning", w));
        return builder.build();
    }

    private static Status status(String state) {
        return switch (state) {
            case "ACTIVE" -> Status.UP;
            case "DOWN" -> Status.DOWN;
            default -> new Status(state);
        };
    }
}
