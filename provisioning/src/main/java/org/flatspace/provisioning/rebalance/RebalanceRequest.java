package org.flatspace.provisioning.rebalance;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.flatspace.provisioning.placement.HostCapacity;

/**
 * The pool as it is now and what to aim for. Each host's allocation already includes the listed
 * instances on it. {@code timeLimit} bounds the search; the planner may stop earlier when it stops
 * improving.
 */
public record RebalanceRequest(List<HostCapacity> hosts, List<PlacedInstance> instances, Goal goal,
                               int maxMigrations, Duration timeLimit) {

    public RebalanceRequest {
        hosts = List.copyOf(hosts);
        instances = List.copyOf(instances);
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxMigrations < 0) {
            throw new IllegalArgumentException("The most migrations a plan may hold is 0 or more, not "
                    + maxMigrations);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("The planner needs a time limit above zero");
        }
    }
}
