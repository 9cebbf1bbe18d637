package org.flatspace.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.flatspace.provisioning.health.HostHealth;
import org.flatspace.provisioning.host.HostState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

class HostsHealthContributorTest {

    private static final Instant CHECKED = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void anActiveHost_isUp_withItsLastCheck() {
        Health health = HostsHealthContributor.health(
                new HostHealth(1, "kvm-1", HostState.ACTIVE, 0, CHECKED, CHECKED, null, null));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "ACTIVE").containsEntry("consecutiveFailures", 0)
                .containsEntry("lastCheckedAt", "2026-11-25T10:00:00Z").doesNotContainKey("lastError");
    }

    @Test
    void aDownHost_isDown_withWhyItFailed() {
        Health health = HostsHealthContributor.health(new HostHealth(2, "kvm-2", HostState.DOWN, 3, CHECKED,
                CHECKED.minusSeconds(180), "connection refused", null));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("consecutiveFailures", 3)
                .containsEntry("lastError", "connection refused")
                .containsEntry("lastAnswerAt", "2026-11-25T09:57:00Z");
    }

    @Test
    void aHostInMaintenance_showsItsState_withoutMakingThePoolDown() {
        Health maintenance = HostsHealthContributor.health(
                new HostHealth(3, "kvm-3", HostState.MAINTENANCE, 0, CHECKED, CHECKED, null, null));

        assertThat(maintenance.getStatus().getCode()).isEqualTo("MAINTENANCE");
        assertThat(new SimpleStatusAggregator().getAggregateStatus(Status.UP, maintenance.getStatus()))
                .isEqualTo(Status.UP);
        assertThat(new SimpleStatusAggregator().getAggregateStatus(Status.UP, maintenance.getStatus(), Status.DOWN))
                .isEqualTo(Status.DOWN);
    }
}
