package org.flatspace.workflows.request;

import java.util.List;

import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.quota.Resources;

/**
 * A business function for its team: the function with its tier, what runs for it now (the
 * instances, never their hosts, and what they add up to), and its latest requests, newest first,
 * of {@code requestCount} in all.
 */
public record FunctionDetails(FunctionInfo function, List<FunctionInstance> instances, Resources running,
                              List<RequestSummary> requests, long requestCount) {

    /** How many requests {@link CapacityRequestService#function} returns at most, the latest. */
    public static final int LATEST_REQUESTS = 50;
}
