package org.flatspace.portal.api.request;

import java.util.UUID;

import org.flatspace.workflows.request.RequestInstance;

/** One of the team's instances with the request it belongs to; as everywhere for teams, no host. */
record TeamInstance(long requestId, UUID id, String name, String sizeName, String state) {

    static TeamInstance of(long requestId, RequestInstance instance) {
        return new TeamInstance(requestId, instance.id(), instance.name(), instance.sizeName(), instance.state());
    }
}
