package org.flatspace.provisioning.hypervisor;

import java.time.Duration;
import java.util.Optional;

/**
 * How a live migration went: how long it took as a whole, and how long the guest was paused at
 * the switch-over (libvirt's completed-job statistics), if the host reported it.
 */
public record LiveMigration(Duration took, Optional<Duration> downtime) {
}
