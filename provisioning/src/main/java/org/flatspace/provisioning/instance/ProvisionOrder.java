package org.flatspace.provisioning.instance;

import java.util.List;
import java.util.UUID;

/**
 * Start these instances, all of one shape, for one business function. The caller chooses the
 * instance ids, stable across retries, which makes provisioning idempotent.
 */
public record ProvisionOrder(String orderKey, long teamId, long functionId, String functionName, String sizeName,
                             int vcpu, long memoryMib, long diskGib, List<UUID> instanceIds) {

    public ProvisionOrder {
        instanceIds = List.copyOf(instanceIds);
        if (instanceIds.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one instance");
        }
    }
}
