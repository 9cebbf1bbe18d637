package org.flatspace.provisioning.placement;

import java.util.List;
import java.util.stream.Collectors;

/** The decision for a whole request: every instance placed, or none and why. */
public sealed interface PlacementResult {

    /** hostIds.get(i) is the host chosen for the request's instance i. */
    record Placed(List<Long> hostIds) implements PlacementResult {
        public Placed {
            hostIds = List.copyOf(hostIds);
        }
    }

    /**
     * Nothing placed: {@code placeable} instances found a host before instance
     * {@code placeable + 1} found none. {@code rejections} counts the hosts that turned that
     * instance away, per cause, most hosts first.
     */
    record NoFit(int placeable, int wanted, List<Rejection> rejections) implements PlacementResult {
        public NoFit {
            rejections = List.copyOf(rejections);
        }

        /** For the requester: names no host. */
        public String summary() {
            String why = rejections.isEmpty() ? "" : " (" + rejections.get(0).cause().forRequester() + ")";
            return "the pool has room for " + placeable + " of the " + wanted + " instances right now" + why;
        }

        /** For administrators: "no host fits instance 3 of 3: 12 hosts lack 64 GiB memory, ...". */
        public String explain() {
            return "no host fits instance " + (placeable + 1) + " of " + wanted + ": "
                    + rejections.stream().map(Rejection::sentence).collect(Collectors.joining(", "));
        }
    }
}
