package org.flatspace.portal.api.request;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flatspace.portal.api.ApiNotFoundException;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.InvalidRequestException;
import org.flatspace.workflows.request.NewCapacityRequest;
import org.flatspace.workflows.request.QuotaIncreaseService;
import org.flatspace.workflows.request.RequestDetails;
import org.flatspace.workflows.request.RequestInstance;
import org.flatspace.workflows.request.RequestStatus;
import org.flatspace.workflows.request.RequestSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's team's capacity requests. Every rule (who may submit, withdraw, extend, release; what
 * another team's request looks like: not found) is the service's; this only translates HTTP.
 */
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

    /** The service names the fields of the form; the API's JSON names two of them differently. */
    private static final Map<String, String> JSON_FIELDS = Map.of("function", "functionId", "size", "sizeId");

    private final CapacityRequestService requests;
    private final QuotaIncreaseService quotaIncreases;

    RequestController(CapacityRequestService requests, QuotaIncreaseService quotaIncreases) {
        this.requests = requests;
        this.quotaIncreases = quotaIncreases;
    }

    /** Submits a request; the answer is already OVER_QUOTA when the team's quota does not hold it. */
    @PostMapping
    ResponseEntity<RequestSummary> create(@AuthenticationPrincipal FlatspaceUser user,
                                          @RequestBody NewCapacityRequest request) {
        RequestSummary created;
        try {
            created = requests.submit(user.toActor(), request);
        } catch (InvalidRequestException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> errors.put(JSON_FIELDS.getOrDefault(field, field), message));
            throw new InvalidRequestException(errors);
        }
        return ResponseEntity.created(URI.create("/api/v1/requests/" + created.id())).body(created);
    }

    /** The team's requests, newest first, optionally only those in one status. */
    @GetMapping
    List<RequestSummary> list(@AuthenticationPrincipal FlatspaceUser user,
                              @RequestParam(required = false) RequestStatus status) {
        return requests.requestsOf(user.toActor()).stream().filter(r -> status == null || r.status() == status)
                .toList();
    }

    @GetMapping("/{id}")
    RequestDetails get(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        return requests.details(user.toActor(), id)
                .orElseThrow(() -> new ApiNotFoundException("There is no request " + id + " for your team"));
    }

    /** The request's instances: name, size and state, never the host. */
    @GetMapping("/{id}/instances")
    List<RequestInstance> instances(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        return get(user, id).instances();
    }

    @PostMapping("/{id}/withdraw")
    RequestDetails withdraw(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        requests.withdraw(user.toActor(), id);
        return get(user, id);
    }

    @PostMapping("/{id}/extend")
    RequestDetails extend(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id,
                          @RequestBody ExtendLease body) {
        requests.extend(user.toActor(), id, body.leaseEnd());
        return get(user, id);
    }

    @PostMapping("/{id}/release")
    RequestDetails release(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        requests.release(user.toActor(), id);
        return get(user, id);
    }

    /** Administrators: the request's failed provisioning has been looked at; its incident is resolved. */
    @PostMapping("/{id}/failure-review")
    RequestDetails reviewFailure(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        requests.reviewFailure(user.toActor(), id);
        return get(user, id);
    }

    @PostMapping("/{id}/quota-increase")
    RequestDetails askQuotaIncrease(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id,
                                    @RequestBody QuotaIncrease body) {
        quotaIncreases.ask(user.toActor(), id, body.reason());
        return get(user, id);
    }
}
