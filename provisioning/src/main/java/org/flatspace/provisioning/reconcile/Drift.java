package org.flatspace.provisioning.reconcile;

import java.util.UUID;

/**
 * One difference between the database and a host.
 *
 * @param domainId  the domain's UUID, which is the instance id; null for HOST_UNREACHABLE
 * @param instance  the instance's name, or null for an unknown domain
 * @param host      the host where the difference was seen
 * @param otherHost for WRONG_HOST, the host the database names; otherwise null
 * @param detail    what was seen, for administrators
 * @param fixed     whether reconciliation repaired it
 */
public record Drift(DriftKind kind, UUID domainId, String instance, String host, String otherHost, String detail,
                    boolean fixed) {
}
