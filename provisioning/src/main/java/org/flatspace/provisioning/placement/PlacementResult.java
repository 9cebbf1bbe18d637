package org.flatspace.provisioning.placement;

import java.util.List;
import java.util.Map;

/** The decision for a whole request: every instance placed, or none and why. */
public sealed interface PlacementResult {

    /** hostIds.get(i) is the host chosen for demand i. */
    record Placed(List<Long> hostIds) implements PlacementResult {
        public Placed {
            hostIds = List.copyOf(hostIds);
        }
    }

    /**
     * Nothing placed. {@code hostsByReason} counts the hosts turned away per reason, for admins;
     * {@link #summary()} says it without naming hosts, for requesters.
     */
    record NoFit(int placeable, int wanted, Map<String, Integer> hostsByReason) implements PlacementResult {
        public NoFit {
            hostsByReason = Map.copyOf(hostsByReason);
        }

        public String summary() {
            return "the pool has room for " + placeable + " of the " + wanted + " instances right now";
        }

        public String explain() {
            String reasons = String.join("; ", hostsByReason.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " host" : " hosts")).toList());
            return "no host fits instance " + (placeable + 1) + " of " + wanted + " (" + reasons + ")";
        }
    }
}
