package org.flatspace.provisioning.rebalance;

import java.util.UUID;

/** One live migration of a plan. */
public record Move(UUID instanceId, long fromHostId, long toHostId) {
}
