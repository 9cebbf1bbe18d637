package org.flatspace.portal.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.MigrationPlanService;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.HostOverview;
import org.flatspace.workflows.pool.HostStep;
import org.flatspace.workflows.pool.IncompleteDrainDecision;
import org.flatspace.workflows.pool.RebalanceService;
import org.flatspace.workflows.request.ApprovalKind;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.NewCapacityRequest;
import org.flatspace.workflows.request.QuotaIncreaseService;
import org.flatspace.workflows.request.RequestStatus;
import org.springframework.context.ApplicationContext;

/**
 * The things the authorisation matrix's lines are called on (its "on" column), made through the
 * services as the demo's people (alice asks, paul manages Payroll) and removed afterwards: requests
 * withdrawn or released, hosts back to ACTIVE with nothing waiting, plans discarded. Also the body
 * each endpoint is called with.
 */
final class MatrixFixtures {

    /** What a line is called on: the id its path names, and how to remove it. */
    record Fixture(String id, Runnable remove) implements AutoCloseable {

        static final Fixture NONE = new Fixture("", () -> { });

        @Override
        public void close() {
            remove.run();
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REASON = "authorisation matrix";
    private static final int HUGE_VCPU = 4096;

    private final CapacityRequestService requests;
    private final ApprovalService approvals;
    private final QuotaIncreaseService quotaIncreases;
    private final HostMaintenanceService maintenance;
    private final RebalanceService rebalance;
    private final MigrationPlanService plans;
    private final PoolService pool;
    private final InstanceService instances;
    private final QuotaService quotas;
    private final PersonService people;
    private final RuntimeService runtime;
    private final TaskService tasks;

    private final long payroll;
    private final FunctionInfo batch;
    private final FunctionInfo api;
    private final long small;
    /** A size larger than any host, for a request whose provisioning fails. */
    private final long huge;

    MatrixFixtures(ApplicationContext context) {
        requests = context.getBean(CapacityRequestService.class);
        approvals = context.getBean(ApprovalService.class);
        quotaIncreases = context.getBean(QuotaIncreaseService.class);
        maintenance = context.getBean(HostMaintenanceService.class);
        rebalance = context.getBean(RebalanceService.class);
        plans = context.getBean(MigrationPlanService.class);
        pool = context.getBean(PoolService.class);
        instances = context.getBean(InstanceService.class);
        quotas = context.getBean(QuotaService.class);
        people = context.getBean(PersonService.class);
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        CatalogService catalog = context.getBean(CatalogService.class);
        payroll = context.getBean(TeamService.class).teamNamed("Payroll").orElseThrow().id();
        batch = function(catalog, "Payroll batch");
        api = function(catalog, "Payroll API");
        small = catalog.sizes().stream().filter(s -> s.name().equals("small")).findFirst().orElseThrow().id();
        huge = catalog.sizes().stream().filter(s -> s.name().equals("matrix-huge")).findFirst()
                .orElseGet(() -> catalog.createSize("matrix-huge", HUGE_VCPU, 2048, 20)).id();
    }

    private FunctionInfo function(CatalogService catalog, String name) {
        return catalog.functionsOf(payroll).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    long payroll() {
        return payroll;
    }

    /** The fixture a line's "on" names. */
    Fixture make(String on) {
        return switch (on) {
            case "-" -> Fixture.NONE;
            case "Payroll's function" -> new Fixture(String.valueOf(api.id()), () -> { });
            case "Payroll" -> new Fixture(String.valueOf(payroll), () -> { });
            case "waiting request" -> request(submit("alice", api, 1));
            case "active request" -> request(active(submit("alice", batch, 1)));
            case "request over quota" -> request(overQuota());
            case "failed request" -> new Fixture(String.valueOf(failed()), () -> { });
            case "manager task" -> managerTask("alice");
            case "paul's request task" -> managerTask("paul");
            case "paul's extension task" -> extensionTask();
            case "admin task" -> adminTask();
            case "host" -> host(quietHost());
            case "host with a drain plan" -> hostWithDrainPlan();
            case "host in maintenance" -> hostInMaintenance();
            case "plan" -> new Fixture(String.valueOf(discardedPlan()), () -> { });
            case "idle pool" -> idlePool();
            case "rebalance plan" -> rebalancePlan();
            default -> throw new IllegalArgumentException("No fixture \"" + on + "\": see the legend of the matrix");
        };
    }

    /** The body an endpoint is called with: valid, so that a caller who may gets a success. */
    String body(String endpoint, Fixture fixture) {
        return switch (endpoint) {
            case "POST /api/v1/requests" -> """
                    {"functionId": %s, "sizeId": %d, "count": 1, "leaseEnd": "%s", "reason": "%s"}"""
                    .formatted(fixture.id(), small, LocalDate.now().plusDays(30), REASON);
            case "POST /api/v1/requests/{id}/extend" -> "{\"leaseEnd\": \"" + LocalDate.now().plusDays(60) + "\"}";
            case "POST /api/v1/requests/{id}/quota-increase" -> "{\"reason\": \"" + REASON + "\"}";
            case "POST /api/v1/approvals/{taskId}/approve", "POST /api/v1/approvals/{taskId}/reject" ->
                    "{\"comment\": \"" + REASON + "\"}";
            case "POST /api/v1/approvals/{taskId}/reassign" -> "{\"assignee\": \"paul\"}";
            case "POST /api/v1/hosts/{id}/drain/decision" -> "{\"decision\": \"ACTIVE\"}";
            case "POST /api/v1/plans/rebalance" -> "{\"goal\": \"BALANCE\"}";
            case "PUT /api/v1/teams/{teamId}/quota" -> {
                Resources limits = quotas.usage(payroll).limits();
                yield "{\"vcpu\": %d, \"memoryMib\": %d, \"diskGib\": %d, \"instances\": %d}".formatted(limits.vcpu(),
                        limits.memoryMib(), limits.diskGib(), limits.instances());
            }
            default -> null;
        };
    }

    /**
     * Withdraws or releases a Payroll request as its manager, once its process lets him (a request
     * that was just approved is released when it is active).
     */
    void endRequest(long id) {
        await("request " + id + " to be withdrawn or released", () -> {
            RequestStatus status = status(id);
            switch (status) {
                case PENDING_APPROVAL, OVER_QUOTA -> requests.withdraw(actor("paul"), id);
                case ACTIVE -> requests.release(actor("paul"), id);
                case SUBMITTED, APPROVED -> {
                    return false;
                }
                default -> {
                    return true;
                }
            }
            return true;
        });
    }

    Actor actor(String username) {
        PersonAccount person = people.account(username).orElseThrow();
        return new Actor(person.username(), person.teamId(), person.roles());
    }

    private long submit(String username, FunctionInfo function, int count) {
        return requests.submit(actor(username), new NewCapacityRequest(function.id(), small, count,
                LocalDate.now().plusDays(30), REASON)).id();
    }

    private long active(long id) {
        await("request " + id + " to be active", () -> status(id) == RequestStatus.ACTIVE);
        return id;
    }

    private RequestStatus status(long id) {
        return requests.details(actor("paul"), id).orElseThrow().summary().status();
    }

    private Fixture request(long id) {
        return new Fixture(String.valueOf(id), () -> endRequest(id));
    }

    private Fixture managerTask(String askedBy) {
        long id = submit(askedBy, api, 1);
        return new Fixture(task("paul", id, ApprovalKind.MANAGER), () -> endRequest(id));
    }

    /** Paul asks for a lease past the policy's 183 days: his managers decide, and he is the only one. */
    private Fixture extensionTask() {
        long id = active(submit("alice", batch, 1));
        requests.extend(actor("paul"), id, LocalDate.now().plusDays(200));
        String task = task("paul", id, ApprovalKind.EXTENSION);
        return new Fixture(task, () -> {
            // nobody may decide what paul asked for: the test takes the decision off the engine
            if (tasks.createTaskQuery().taskId(task).count() > 0) {
                tasks.complete(task, Map.of("approved", false, "decisionComment", REASON, "decidedBy", "test"));
            }
            endRequest(id);
        });
    }

    /** A manager's ask for more quota goes straight to the administrators. */
    private Fixture adminTask() {
        long id = overQuota();
        try {
            quotaIncreases.ask(actor("paul"), id, REASON);
            return new Fixture(task("admin", id, ApprovalKind.QUOTA_ADMIN), () -> endRequest(id));
        } catch (RuntimeException e) {
            endRequest(id);
            throw e;
        }
    }

    /**
     * Alice's request for 40 small instances, over Payroll's quota: the limits are set to what the
     * team uses now and room for 25 small instances (the other fixtures' requests) first, as an
     * administrator's approval of more quota (a cell of the matrix) may have raised them.
     */
    private long overQuota() {
        QuotaUsage usage = quotas.usage(payroll);
        Resources used = usage.allocated();
        Resources reserved = usage.reserved();
        quotas.setLimits(payroll, new Resources(used.vcpu() + reserved.vcpu() + 25,
                used.memoryMib() + reserved.memoryMib() + 25 * 2048, used.diskGib() + reserved.diskGib() + 25 * 20,
                used.instances() + reserved.instances() + 25));
        return submit("alice", batch, 40);
    }

    /**
     * Alice's request for one instance larger than any host, within a quota raised for it: the
     * manager and an administrator approve it (the policy asks both for over 32 vCPU), then
     * provisioning finds no room and the request fails, waiting for an administrator's review.
     */
    private long failed() {
        QuotaUsage usage = quotas.usage(payroll);
        Resources used = usage.allocated();
        Resources reserved = usage.reserved();
        quotas.setLimits(payroll, new Resources(used.vcpu() + reserved.vcpu() + HUGE_VCPU,
                used.memoryMib() + reserved.memoryMib() + 2048, used.diskGib() + reserved.diskGib() + 20,
                used.instances() + reserved.instances() + 1));
        long id = requests.submit(actor("alice"), new NewCapacityRequest(batch.id(), huge, 1,
                LocalDate.now().plusDays(30), REASON)).id();
        approvals.approve(actor("paul"), task("paul", id, ApprovalKind.MANAGER), "");
        approvals.approve(actor("admin"), task("admin", id, ApprovalKind.ADMIN), "");
        await("request " + id + " to fail", () -> requests.details(actor("admin"), id).orElseThrow().failureToReview());
        return id;
    }

    /** Ends the requests an interrupted run left waiting or active (they hold Payroll's quota). */
    void endLeftovers() {
        requests.requestsOf(actor("paul")).stream()
                .filter(r -> r.status() == RequestStatus.PENDING_APPROVAL || r.status() == RequestStatus.OVER_QUOTA
                        || r.status() == RequestStatus.ACTIVE)
                .filter(r -> requests.details(actor("paul"), r.id()).orElseThrow().reason().equals(REASON))
                .forEach(r -> endRequest(r.id()));
    }

    private String task(String username, long requestId, ApprovalKind kind) {
        return approvals.inbox(actor(username)).stream()
                .filter(t -> t.request().id() == requestId && t.kind() == kind).map(ApprovalTask::taskId)
                .findFirst().orElseThrow(() -> new IllegalStateException("No " + kind + " task for request "
                        + requestId + " in the inbox of " + username));
    }

    /** The active demo host with the fewest instances, nothing waiting on it. */
    private long quietHost() {
        return pool.hosts().stream().filter(h -> h.state() == HostState.ACTIVE)
                .filter(h -> overview(h.id()).waitingFor() == HostStep.NONE && overview(h.id()).openPlan().isEmpty())
                .min(Comparator.comparingInt(h -> instances.onHost(h.id()).size())).map(HostView::id)
                .orElseThrow(() -> new IllegalStateException("No active host that waits for nothing"));
    }

    private HostOverview overview(long hostId) {
        return maintenance.overview(actor("admin"), hostId);
    }

    private Fixture host(long hostId) {
        return new Fixture(String.valueOf(hostId), () -> restore(hostId));
    }

    private Fixture hostWithDrainPlan() {
        long hostId = quietHost();
        maintenance.drain(actor("admin"), hostId);
        return host(hostId);
    }

    private Fixture hostInMaintenance() {
        long hostId = quietHost();
        pool.changeState(hostId, HostState.ACTIVE, HostState.MAINTENANCE);
        return host(hostId);
    }

    /** Back to ACTIVE with nothing waiting, whatever a cell did to the host. */
    private void restore(long hostId) {
        Actor admin = actor("admin");
        await("host " + hostId + " to be active again", () -> {
            HostOverview host = overview(hostId);
            if (host.waitingFor() == HostStep.CONFIRM_DRAIN) {
                maintenance.discard(admin, hostId);
            } else if (host.waitingFor() == HostStep.DECIDE_INCOMPLETE_DRAIN) {
                maintenance.decide(admin, hostId, IncompleteDrainDecision.ACTIVE);
            } else if (host.openPlan().isEmpty() && host.host().state() == HostState.MAINTENANCE) {
                maintenance.leaveMaintenance(admin, hostId);
            }
            HostOverview now = overview(hostId);
            return now.host().state() == HostState.ACTIVE && now.waitingFor() == HostStep.NONE
                    && now.openPlan().isEmpty();
        });
    }

    private long discardedPlan() {
        long hostId = quietHost();
        MigrationPlan plan = maintenance.drain(actor("admin"), hostId);
        maintenance.discard(actor("admin"), hostId);
        return plan.id();
    }

    /** No rebalance planned, waiting or running (one an earlier run left waiting is discarded). */
    private Fixture idlePool() {
        settleRebalance();
        return new Fixture("", this::settleRebalance);
    }

    /**
     * A rebalance plan waiting for a decision, as pool-rebalance.bpmn leaves one: planned here (for
     * a second rather than the configured time) and the process started at the decision.
     */
    private Fixture rebalancePlan() {
        settleRebalance();
        MigrationPlan plan = plans.proposeRebalance(Goal.BALANCE, 1, Duration.ofSeconds(1), "admin");
        runtime.createProcessInstanceByKey("pool-rebalance").businessKey("pool")
                .startBeforeActivity("Task_ApprovePlan")
                .setVariables(Map.of("planId", plan.id(), "requestedBy", "admin", "moveCount", plan.moves().size()))
                .execute();
        return new Fixture(String.valueOf(plan.id()), this::settleRebalance);
    }

    private void settleRebalance() {
        await("no rebalance on its way", () -> {
            Optional<MigrationPlan> waiting = rebalance.waitingForDecision(actor("admin"));
            if (waiting.isPresent()) {
                rebalance.discard(actor("admin"));
            }
            return !rebalance.inProgress();
        });
    }

    /**
     * Tries until done; a step that fails because the process moved on meanwhile (a message nobody
     * waits for any more, a task completed by the engine) is tried again.
     */
    private static void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        RuntimeException last = null;
        while (true) {
            try {
                if (done.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException movedOn) {
                last = movedOn;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Waited " + PATIENCE.toSeconds() + " s for " + what, last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
