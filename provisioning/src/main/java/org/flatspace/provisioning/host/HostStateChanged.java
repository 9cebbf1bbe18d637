package org.flatspace.provisioning.host;

/**
 * The pool changed a host's state on its own, without an administrator: a health check found it
 * silent ({@code ACTIVE -> DOWN}), answering again ({@code DOWN -> ACTIVE}), or back after it was
 * fenced ({@code DOWN -> MAINTENANCE}). Published inside the transaction that made the change.
 *
 * @param reason why, in a few words people understand
 */
public record HostStateChanged(long hostId, String hostName, HostState from, HostState to, String reason) {
}
