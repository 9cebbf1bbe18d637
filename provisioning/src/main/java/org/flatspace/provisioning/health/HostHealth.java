package org.flatspace.provisioning.health;

import java.time.Instant;

import org.flatspace.provisioning.host.HostState;

/**
 * What the last checks saw of one host. For administrators.
 *
 * @param consecutiveFailures failed checks since the host last answered
 * @param lastCheckedAt       when it was last checked; null if never
 * @param lastAnswerAt        when it last answered; null if never
 * @param lastError           why the last check failed; null if it answered
 * @param capacityWarning     how the configured capacity exceeds what the host reports; null if it does not
 */
public record HostHealth(long hostId, String hostName, HostState state, int consecutiveFailures,
                         Instant lastCheckedAt, Instant lastAnswerAt, String lastError, String capacityWarning) {
}
