package org.flatspace.workflows.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.WorkflowProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits capacity requests and shows them to their team.
 *
 * <p>Who may do what: team members (requesters and managers) submit for their own team's
 * functions; the requester or a manager of the team withdraws, releases or extends; a team sees
 * only its own requests, and another team's request reads as not found; administrators see every
 * team's. The checks are here, not only in the views. Reaching for another team's request is
 * audited as DENIED ({@code request.read}, {@code request.withdraw}, ...), though the caller is only
 * told "not found".
 */
@Service
@Transactional
public class CapacityRequestService {

    static final int MAX_INSTANCES_PER_REQUEST = 100;
    static final int MAX_LEASE_YEARS = 3;
    static final int MAX_REASON_LENGTH = 1000;
    /** Where a request's process waits after a failed provisioning, until an administrator reviews it. */
    static final String REVIEW_ACTIVITY = "Task_ReviewFailure";

    private final CapacityRequestRepository requests;
    private final RequestEventRepository events;
    private final CatalogService catalog;
    private final InstanceService instances;
    private final RuntimeService runtime;
    private final TeamService teams;
    private final WorkflowProperties properties;
    private final Clock clock;
    private final AuditService audit;

    CapacityRequestService(CapacityRequestRepository requests, RequestEventRepository events, CatalogService catalog,
                           InstanceService instances, RuntimeService runtime, TeamService teams,
                           WorkflowProperties properties, Optional<Clock> clock, AuditService audit) {
        this.requests = requests;
        this.events = events;
        this.catalog = catalog;
        this.instances = instances;
        this.runtime = runtime;
        this.teams = teams;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.audit = audit;
    }

    /**
     * Checks the request, records it and starts its process, which reserves the team's quota at
     * once: the returned summary is already OVER_QUOTA, with the shortfall, if the quota does not
     * hold it; the request then waits for more quota ({@link QuotaIncreaseService}) and is rejected
     * if none comes. Nothing is created when a field is wrong ({@link InvalidRequestException}).
     */
    public RequestSummary submit(Actor actor, NewCapacityRequest form) {
        if (!actor.mayRequest()) {
            throw new NotAllowedException("Only members of a team (requesters and managers) can request capacity");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<FunctionInfo> function = form.functionId() == null ? Optional.empty()
                : catalog.functionOf(actor.teamId(), form.functionId());
        if (function.isEmpty()) {
            errors.put("function", "Choose one of your team's business functions");
        }
        Optional<SizeInfo> size = form.sizeId() == null ? Optional.empty() : catalog.size(form.sizeId());
        if (size.isEmpty()) {
            errors.put("size", "Choose a size from the catalog");
        }
        checkCount(form.count(), errors);
        checkLeaseEnd(form.leaseEnd(), errors);
        checkReason(form.reason(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }

        String teamName = teams.team(actor.teamId()).map(TeamInfo::name).orElse("");
        CapacityRequest request = requests.save(new CapacityRequest(actor.teamId(), teamName, actor.username(),
                function.get(), size.get(), form.count(), form.leaseEnd(), form.reason().strip()));
        events.save(new RequestEvent(request.id(), actor.username(), "Submitted",
                form.count() + " x " + size.get().name() + " (" + size.get().describe() + ") for "
                        + function.get().name() + " until " + form.leaseEnd()));
        runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, String.valueOf(request.id()),
                Map.of(ProcessVariables.REQUEST_ID, request.id()));
        return requests.findById(request.id()).orElseThrow().toSummary();
    }

    /**
     * Withdraws a request still waiting for approval or for more quota; its quota reservation, if
     * any, is released. The requester or a manager of the team may withdraw.
     */
    public void withdraw(Actor actor, long requestId) {
        CapacityRequest request = ownTeams(actor, requestId, "withdraw");
        requireRequesterOrManager(actor, request, "withdraw");
        if (request.status() != RequestStatus.PENDING_APPROVAL && request.status() != RequestStatus.OVER_QUOTA) {
            throw new NotAllowedException("Only a request waiting for approval or quota can be withdrawn; this one is "
                    + request.status().name().toLowerCase().replace('_', ' '));
        }
        runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.QUOTA_PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(requestId)).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "request withdrawn"));
        correlate(request, ProcessVariables.MESSAGE_WITHDRAWN, Map.of(ProcessVariables.DECIDED_BY, actor.username()));
    }

    /** Releases active capacity before its lease ends: the instances are removed, the quota freed. */
    public void release(Actor actor, long requestId) {
        CapacityRequest request = ownTeams(actor, requestId, "release");
        requireRequesterOrManager(actor, request, "release");
        requireActive(request, "released");
        events.save(new RequestEvent(requestId, actor.username(), "Release asked", "capacity released early"));
        correlate(request, ProcessVariables.MESSAGE_RELEASED, Map.of(ProcessVariables.RELEASED_BY, actor.username()));
    }

    /**
     * Asks to extend an active lease to a later date. The approval policy decides again, with the
     * new lease length: approved automatically, or by the team's manager.
     */
    public void extend(Actor actor, long requestId, LocalDate newLeaseEnd) {
        CapacityRequest request = ownTeams(actor, requestId, "extend");
        requireRequesterOrManager(actor, request, "extend");
        requireActive(request, "extended");
        Map<String, String> errors = new LinkedHashMap<>();
        checkLeaseEnd(newLeaseEnd, errors);
        if (errors.isEmpty() && !newLeaseEnd.isAfter(request.leaseEnd())) {
            errors.put("leaseEnd", "An extension must end after the current lease end (" + request.leaseEnd() + ")");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        events.save(new RequestEvent(requestId, actor.username(), "Extension asked", "until " + newLeaseEnd));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ProcessVariables.REQUESTED_LEASE_END, newLeaseEnd.toString());
        variables.put(ProcessVariables.EXTENSION_ASKED_BY, actor.username());
        variables.put(ProcessVariables.DECIDED_BY, null);
        variables.put(ProcessVariables.DECISION_COMMENT, null);
        correlate(request, ProcessVariables.MESSAGE_EXTENSION_ASKED, variables);
    }

    /**
     * An administrator has looked at a failed provisioning (the request is FAILED, its quota
     * released): the incident it raised is resolved and the request's process ends. Only for a
     * failure not reviewed yet.
     */
    public void reviewFailure(Actor actor, long requestId) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotAllowedException("Only administrators review failed provisioning");
        }
        CapacityRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
        ProcessInstance process = failureToReview(request)
                .orElseThrow(() -> new NotAllowedException(request.status() == RequestStatus.FAILED
                        ? "This failure has been reviewed already"
                        : "Only a request whose provisioning failed can be reviewed; this one is "
                        + request.status().name().toLowerCase().replace('_', ' ')));
        runtime.createIncidentQuery().processInstanceId(process.getId())
                .incidentType(ProcessVariables.FAILURE_INCIDENT).list()
                .forEach(incident -> runtime.resolveIncident(incident.getId()));
        events.save(new RequestEvent(requestId, actor.username(), "Failure reviewed", "by an administrator"));
        correlate(request, ProcessVariables.MESSAGE_FAILURE_REVIEWED,
                Map.of(ProcessVariables.REVIEWED_BY, actor.username()));
    }

    /** The request's process while it waits for an administrator to review its failed provisioning. */
    private Optional<ProcessInstance> failureToReview(CapacityRequest request) {
        if (request.status() != RequestStatus.FAILED) {
            return Optional.empty();
        }
        return Optional.ofNullable(runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(request.id())).activityIdIn(REVIEW_ACTIVITY)
                .singleResult());
    }

    /** The actor's team's requests, newest first. */
    @Transactional(readOnly = true)
    public List<RequestSummary> requestsOf(Actor actor) {
        return requests.findByTeamIdOrderByIdDesc(actor.teamId()).stream().map(CapacityRequest::toSummary).toList();
    }

    /**
     * One page of the actor's team's requests, newest first, read from the database page by page.
     * {@code offset} is a multiple of {@code limit}, as a grid asks for its pages.
     */
    @Transactional(readOnly = true)
    public List<RequestSummary> requestsOf(Actor actor, int offset, int limit) {
        if (limit < 1 || offset < 0 || offset % limit != 0) {
            throw new IllegalArgumentException("A page of requests starts at a multiple of its size; asked for "
                    + limit + " from " + offset);
        }
        return requests.findByTeamIdOrderByIdDesc(actor.teamId(), PageRequest.of(offset / limit, limit)).stream()
                .map(CapacityRequest::toSummary).toList();
    }

    /** How many requests the actor's team has. */
    @Transactional(readOnly = true)
    public long countRequestsOf(Actor actor) {
        return requests.countByTeamId(actor.teamId());
    }

    /** The actor's team's active capacity per business function, counted by the database. */
    @Transactional(readOnly = true)
    public List<FunctionCapacity> activeCapacityOf(Actor actor) {
        return requests.capacityByFunction(actor.teamId(), RequestStatus.ACTIVE).stream()
                .map(row -> new FunctionCapacity((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), (LocalDate) row[3]))
                .toList();
    }

    /** One request with its timeline and instances; empty when it does not exist or is another team's. */
    @Transactional(readOnly = true)
    public Optional<RequestDetails> details(Actor actor, long requestId) {
        return findReadable(actor, requestId)
                .map(r -> new RequestDetails(r.toSummary(), r.reason(),
                        events.findByRequestIdOrderByIdAsc(requestId).stream().map(RequestEvent::toEntry).toList(),
                        instances.ofOrder(r.key()).stream()
                                .map(i -> new RequestInstance(i.id(), i.name(), i.sizeName(), i.state().name()))
                                .toList(),
                        failureToReview(r).isPresent(), r.teamId() == actor.teamId()));
    }

    /**
     * One business function with its tier, what runs for it now (its instances, never their hosts)
     * and its latest {@value FunctionDetails#LATEST_REQUESTS} requests, newest first; empty when it
     * does not exist or is another team's (that one audited as a refusal, as for a request).
     * Administrators see every team's.
     */
    @Transactional(readOnly = true)
    public Optional<FunctionDetails> function(Actor actor, long functionId) {
        return catalog.function(functionId)
                .filter(f -> f.teamId() == actor.teamId() || actor.is(Role.ADMIN) || refuseOtherTeams(actor, f))
                .map(this::functionDetails);
    }

    /**
     * In a few queries whatever the size: the function's latest requests, their count, its instances
     * (with one read of their hosts' names), and the requests of those instances not among the latest.
     */
    private FunctionDetails functionDetails(FunctionInfo function) {
        List<CapacityRequest> latest = requests.findByFunction(function.teamId(), function.id(),
                PageRequest.of(0, FunctionDetails.LATEST_REQUESTS));
        long count = latest.size() < FunctionDetails.LATEST_REQUESTS ? latest.size()
                : requests.countByFunction(function.teamId(), function.id());
        List<InstanceView> running = instances.runningFor(function.id()).stream()
                .filter(i -> i.teamId() == function.teamId()).toList();
        Map<Long, CapacityRequest> byId = new HashMap<>();
        latest.forEach(r -> byId.put(r.id(), r));
        Set<Long> older = running.stream().map(i -> requestIdOf(i.orderKey())).filter(Objects::nonNull)
                .filter(id -> !byId.containsKey(id)).collect(Collectors.toSet());
        if (!older.isEmpty()) {
            requests.findAllById(older).forEach(r -> byId.put(r.id(), r));
        }
        List<FunctionInstance> shown = running.stream().map(i -> {
            CapacityRequest request = byId.get(requestIdOf(i.orderKey()));
            return new FunctionInstance(i.id(), i.name(), i.sizeName(), i.state(),
                    request == null ? null : request.id(), request == null ? null : request.leaseEnd());
        }).toList();
        Resources total = new Resources(running.stream().mapToInt(InstanceView::vcpu).sum(),
                running.stream().mapToLong(InstanceView::memoryMib).sum(),
                running.stream().mapToLong(InstanceView::diskGib).sum(), running.size());
        return new FunctionDetails(function, shown, total,
                latest.stream().map(CapacityRequest::toSummary).toList(), count);
    }

    /** The request an instance was ordered for ("request-42"), or null for an order of something else. */
    private static Long requestIdOf(String orderKey) {
        if (orderKey == null || !orderKey.startsWith(CapacityRequest.KEY_PREFIX)) {
            return null;
        }
        try {
            return Long.valueOf(orderKey.substring(CapacityRequest.KEY_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The request if it is the actor's team's; otherwise "not found", whether it exists or not (and
     * another team's is audited as a refusal to {@code action} it). An administrator, who may read
     * every team's requests, is told instead that acting on one is for its team.
     */
    CapacityRequest ownTeams(Actor actor, long requestId, String action) {
        CapacityRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
        if (request.teamId() == actor.teamId()) {
            return request;
        }
        if (actor.is(Role.ADMIN)) {
            audit.record(actor.username(), null, "request." + action, "request:" + request.id(), AuditOutcome.DENIED,
                    "request of another team (" + request.teamName() + ")");
            throw new NotAllowedException("This request is " + request.teamName() + "'s: administrators can read it,"
                    + " but only its requester or a manager of " + request.teamName() + " can " + action + " it");
        }
        refuseOtherTeams(actor, request, action);
        throw new RequestNotFoundException(requestId);
    }

    /**
     * The request if the actor may read it (their team's, or any for an administrator); otherwise
     * "not found", whether it exists or not, another team's audited as a refused read.
     */
    CapacityRequest readable(Actor actor, long requestId) {
        return findReadable(actor, requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    }

    private Optional<CapacityRequest> findReadable(Actor actor, long requestId) {
        return requests.findById(requestId)
                .filter(r -> r.teamId() == actor.teamId() || actor.is(Role.ADMIN) || refuseOtherTeams(actor, r, "read"));
    }

    /** Audits that the actor reached for another team's request, and refuses it: always false. */
    private boolean refuseOtherTeams(Actor actor, CapacityRequest request, String action) {
        audit.record(actor.username(), null, "request." + action, "request:" + request.id(), AuditOutcome.DENIED,
                "request of another team (" + request.teamName() + "), answered as not found");
        return false;
    }

    /** Audits that the actor reached for another team's business function, and refuses it: always false. */
    private boolean refuseOtherTeams(Actor actor, FunctionInfo function) {
        String team = teams.team(function.teamId()).map(TeamInfo::name).orElse(String.valueOf(function.teamId()));
        audit.record(actor.username(), null, "function.read", "function:" + function.id(), AuditOutcome.DENIED,
                "business function of another team (" + team + "), answered as not found");
        return false;
    }

    static void requireRequesterOrManager(Actor actor, CapacityRequest request, String action) {
        if (!actor.username().equals(request.requester()) && !actor.is(Role.MANAGER)) {
            throw new NotAllowedException("Only the requester or a manager of the team can " + action
                    + " this request");
        }
    }

    private static void requireActive(CapacityRequest request, String what) {
        if (request.status() != RequestStatus.ACTIVE) {
            throw new NotAllowedException("Only active capacity can be " + what + "; this request is "
                    + request.status().name().toLowerCase().replace('_', ' '));
        }
    }

    private void correlate(CapacityRequest request, String message, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(request.id()))
                    .setVariables(variables).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // between two steps (an asynchronous continuation is pending): nothing waits for the message yet
            throw new RequestBusyException(request.id());
        }
    }

    private static void checkCount(Integer count, Map<String, String> errors) {
        if (count == null) {
            errors.put("count", "Say how many instances you need (1 to " + MAX_INSTANCES_PER_REQUEST + ")");
        } else if (count < 1 || count > MAX_INSTANCES_PER_REQUEST) {
            errors.put("count", "Ask for 1 to " + MAX_INSTANCES_PER_REQUEST + " instances in one request");
        }
    }

    private void checkLeaseEnd(LocalDate leaseEnd, Map<String, String> errors) {
        LocalDate today = LocalDate.now(clock);
        if (leaseEnd == null) {
            errors.put("leaseEnd", "Say until when you need the capacity");
        } else if (!leaseEnd.isAfter(today)) {
            errors.put("leaseEnd", "The lease must end after today (" + today + ")");
        } else if (leaseEnd.isAfter(today.plusYears(MAX_LEASE_YEARS))) {
            errors.put("leaseEnd", "A lease can last at most " + MAX_LEASE_YEARS + " years; extend it later if needed");
        }
    }

    private static void checkReason(String reason, Map<String, String> errors) {
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "Say why the capacity is needed");
        } else if (reason.strip().length() > MAX_REASON_LENGTH) {
            errors.put("reason", "Keep the reason under " + MAX_REASON_LENGTH + " characters");
        }
    }
}
