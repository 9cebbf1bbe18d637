package org.flatspace.portal.api.request;

import java.util.List;

import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** All instances of the caller's team's requests, request by request, newest request first. */
@RestController
class InstanceController {

    private final CapacityRequestService requests;

    InstanceController(CapacityRequestService requests) {
        this.requests = requests;
    }

    @GetMapping("/api/v1/instances")
    List<TeamInstance> instances(@AuthenticationPrincipal FlatspaceUser user) {
        Actor actor = user.toActor();
        return requests.requestsOf(actor).stream()
                .flatMap(r -> requests.details(actor, r.id()).stream())
                .flatMap(d -> d.instances().stream().map(i -> TeamInstance.of(d.summary().id(), i)))
                .toList();
    }
}
