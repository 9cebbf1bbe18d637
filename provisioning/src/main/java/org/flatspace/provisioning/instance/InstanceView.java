package org.flatspace.provisioning.instance;

import java.util.UUID;

/**
 * An instance with where it runs. The host is for administrators: views for teams must leave
 * {@code hostId} and {@code hostName} out.
 */
public record InstanceView(UUID id, String orderKey, long teamId, String name, String sizeName, int vcpu,
                           long memoryMib, long diskGib, InstanceState state, Long hostId, String hostName,
                           String lastError) {
}
