package org.flatspace.workflows.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on capacity requests: the inbox, approve, reject, reassign.
 *
 * <p>Who may decide: a manager of the request's team decides the manager steps (approval and
 * extension), an admin the admin steps (second approval, escalation). Nobody decides on a request
 * they asked for, even when they hold the role; a task assigned to someone is theirs alone. These
 * rules are enforced here, whatever the caller shows. Every decision is audited
 * ({@code approval.approve}, {@code approval.reject}, {@code approval.reassign}) on its request.
 */
@Service
@Transactional
public class ApprovalService {

    private static final int MAX_COMMENT_LENGTH = 1000;
    /** How many of the team's other requests a decision shows. */
    static final int HISTORY = 10;

    private final TaskService tasks;
    private final RequestLifecycle lifecycle;
    private final PersonService people;
    private final RequestNotifier notifier;
    private final AuditService audit;
    private final QuotaService quotas;
    private final CapacityRequestRepository requests;

    ApprovalService(TaskService tasks, RequestLifecycle lifecycle, PersonService people, RequestNotifier notifier,
                    AuditService audit, QuotaService quotas, CapacityRequestRepository requests) {
        this.tasks = tasks;
        this.lifecycle = lifecycle;
        this.people = people;
        this.notifier = notifier;
        this.audit = audit;
        this.quotas = quotas;
        this.requests = requests;
    }

    /** The decisions the actor's roles put in their inbox, oldest first. */
    @Transactional(readOnly = true)
    public List<ApprovalTask> inbox(Actor actor) {
        return inboxQuery(actor).orderByTaskCreateTime().asc().list().stream()
                .map(t -> toApprovalTask(t, actor)).toList();
    }

    /** How many decisions wait in the actor's inbox: one count query, for navigation badges. */
    @Transactional(readOnly = true)
    public long inboxCount(Actor actor) {
        return inboxQuery(actor).count();
    }

    private TaskQuery inboxQuery(Actor actor) {
        List<String> groups = new ArrayList<>();
        if (actor.is(Role.MANAGER)) {
            groups.add(ProcessVariables.managerGroup(actor.teamId()));
        }
        if (actor.is(Role.ADMIN)) {
            groups.add(ProcessVariables.ADMINS_GROUP);
        }
        var query = tasks.createTaskQuery()
                .processDefinitionKeyIn(ProcessVariables.PROCESS_KEY, ProcessVariables.QUOTA_PROCESS_KEY);
        return groups.isEmpty() ? query.taskAssignee(actor.username())
                : query.or().taskCandidateGroupIn(groups).taskAssignee(actor.username()).endOr();
    }

    /**
     * What deciding this task means for its team: the team's quota now and its latest other
     * requests. For those who may decide it, and for its requester when they are a manager or an
     * admin who sees it in their inbox (they may look, not decide).
     */
    @Transactional(readOnly = true)
    public DecisionContext context(Actor actor, String taskId) {
        Decision decision = visibleTo(actor, taskId);
        CapacityRequest request = decision.request();
        List<RequestSummary> history = requests.findByTeamIdOrderByIdDesc(request.teamId(),
                        PageRequest.of(0, HISTORY + 1)).stream()
                .filter(r -> r.id() != request.id()).limit(HISTORY).map(CapacityRequest::toSummary).toList();
        return new DecisionContext(request.teamName(), quotas.usage(request.teamId()), history);
    }

    public void approve(Actor actor, String taskId, String comment) {
        decide(actor, taskId, true, comment == null ? "" : comment.strip());
    }

    /** Rejects with a comment, which is mandatory: the requester is told why. */
    public void reject(Actor actor, String taskId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidRequestException(Map.of("comment", "Say why the request is rejected"));
        }
        decide(actor, taskId, false, comment.strip());
    }

    /** Hands a manager's task to another manager of the same team (not the requester). */
    public void reassign(Actor actor, String taskId, String toUsername) {
        Decision decision = decisionFor(actor, taskId);
        if (decision.kind().forAdmins()) {
            throw new NotAllowedException("Only manager decisions can be reassigned");
        }
        Optional<PersonAccount> to = people.account(toUsername == null ? "" : toUsername)
                .filter(p -> p.enabled() && p.teamId() == decision.request().teamId() && p.has(Role.MANAGER));
        if (to.isEmpty()) {
            throw new InvalidRequestException(Map.of("assignee", "Choose another manager of the team"));
        }
        if (asked(decision).contains(to.get().username())) {
            throw new InvalidRequestException(Map.of("assignee",
                    to.get().username() + " asked for this and cannot decide it; choose another manager"));
        }
        tasks.setAssignee(taskId, to.get().username());
        lifecycle.record(decision.request().id(), actor.username(), "Reassigned", "to " + to.get().username());
        notifier.managers(decision.request(), "reassigned to " + to.get().username(),
                actor.username() + " handed the decision to " + to.get().username() + ".");
        audit.record(actor.username(), null, "approval.reassign", "request:" + decision.request().id(),
                AuditOutcome.SUCCESS, describe(decision.kind()) + " handed to " + to.get().username());
    }

    private void decide(Actor actor, String taskId, boolean approved, String comment) {
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new InvalidRequestException(Map.of("comment",
                    "Keep the comment under " + MAX_COMMENT_LENGTH + " characters"));
        }
        Decision decision = decisionFor(actor, taskId);
        tasks.complete(taskId, Map.of(ProcessVariables.APPROVED, approved,
                ProcessVariables.DECISION_COMMENT, comment, ProcessVariables.DECIDED_BY, actor.username()));
        audit.record(actor.username(), null, approved ? "approval.approve" : "approval.reject",
                "request:" + decision.request().id(), AuditOutcome.SUCCESS,
                describe(decision.kind()) + (approved ? " approved" : " rejected")
                        + (comment.isEmpty() ? "" : ": " + comment));
    }

    /** "quota increase (admin)", "request (manager)" ... */
    private static String describe(ApprovalKind kind) {
        String what = kind.isQuotaIncrease() ? "quota increase" : kind == ApprovalKind.EXTENSION ? "lease extension"
                : "request";
        return what + " (" + kind.name().toLowerCase().replace("quota_", "").replace('_', ' ') + ")";
    }

    /** The task, if the actor may decide it; otherwise why not. */
    private Decision decisionFor(Actor actor, String taskId) {
        Decision decision = visibleTo(actor, taskId);
        if (asked(decision).contains(actor.username())) {
            throw new NotAllowedException("Nobody approves their own request: another "
                    + (decision.kind().forAdmins() ? "admin" : "manager of the team") + " must decide",
                    "request:" + decision.request().id());
        }
        return decision;
    }

    /** The task, if it is in the actor's inbox (their role's step, not assigned to someone else). */
    private Decision visibleTo(Actor actor, String taskId) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotAllowedException("There is no such decision waiting");
        }
        Decision decision = decision(task);
        String request = "request:" + decision.request().id();
        boolean entitled = decision.kind().forAdmins() ? actor.is(Role.ADMIN)
                : actor.is(Role.MANAGER) && actor.teamId() == decision.request().teamId();
        if (!entitled) {
            throw new NotAllowedException("There is no such decision waiting", request);
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(actor.username())) {
            throw new NotAllowedException("This decision is assigned to " + task.getAssignee(), request);
        }
        return decision;
    }

    private static List<String> asked(Decision decision) {
        List<String> askedBy = new ArrayList<>(List.of(decision.request().requester()));
        if (decision.askedBy() != null) {
            askedBy.add(decision.askedBy());
        }
        return askedBy;
    }

    private ApprovalTask toApprovalTask(Task task, Actor actor) {
        Decision decision = decision(task);
        CapacityRequest request = decision.request();
        Map<String, Object> variables = tasks.getVariables(task.getId());
        String until = (String) variables.get(ProcessVariables.REQUESTED_LEASE_END);
        boolean quota = decision.kind().isQuotaIncrease();
        Resources total = quota ? new Resources((Integer) variables.get(ProcessVariables.EXTRA_VCPU),
                (Long) variables.get(ProcessVariables.EXTRA_MEMORY_MIB),
                (Long) variables.get(ProcessVariables.EXTRA_DISK_GIB),
                (Integer) variables.get(ProcessVariables.EXTRA_INSTANCES)) : request.resources();
        String reason = quota ? (String) variables.get(ProcessVariables.INCREASE_REASON) : request.reason();
        return new ApprovalTask(task.getId(), decision.kind(), request.toSummary(), reason, total,
                decision.kind() == ApprovalKind.EXTENSION ? until : null, task.getCreateTime().toInstant(),
                task.getAssignee(), asked(decision).contains(actor.username()));
    }

    private Decision decision(Task task) {
        ApprovalKind kind = ApprovalKind.of(task.getTaskDefinitionKey());
        String askedByVariable = kind.isQuotaIncrease() ? ProcessVariables.ASKED_BY
                : ProcessVariables.EXTENSION_ASKED_BY;
        return new Decision(task, kind, lifecycle.get((Long) tasks.getVariable(task.getId(),
                ProcessVariables.REQUEST_ID)), (String) tasks.getVariable(task.getId(), askedByVariable));
    }

    /** A decision task with its request, and who asked for what it decides (besides the requester). */
    private record Decision(Task task, ApprovalKind kind, CapacityRequest request, String askedBy) {
    }
}
