package org.flatspace.workflows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.Mobility;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.MigrationPlanService;
import org.flatspace.provisioning.migration.PlanState;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.workflows.policy.ApprovalPolicyService;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.HostStep;
import org.flatspace.workflows.request.ApprovalKind;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.NewCapacityRequest;
import org.flatspace.workflows.request.QuotaIncreaseService;
import org.flatspace.workflows.request.RequestDetails;
import org.flatspace.workflows.request.RequestStatus;
import org.springframework.context.ApplicationContext;

/**
 * The people, teams and things the service matrix's lines are called on (its "on" column), made for
 * one run: Payroll and Web shop are teams of their own with the matrix's people, so that nothing
 * another test left in the shared database is in their inboxes or lists. Jobs (provisioning, moves)
 * are run here, one at a time, as the workflow ITs do.
 */
final class MatrixFixtures {

    /** What a line is called on: the id it names, and how to remove it. */
    record Fixture(String id, Runnable remove) implements AutoCloseable {

        static final Fixture NONE = new Fixture("", () -> { });

        long number() {
            return Long.parseLong(id);
        }

        @Override
        public void close() {
            remove.run();
        }
    }

    static final String REASON = "authorisation matrix";

    private final CapacityRequestService requests;
    private final ApprovalService approvals;
    private final QuotaIncreaseService quotaIncreases;
    private final HostMaintenanceService maintenance;
    private final ApprovalPolicyService policies;
    private final MigrationPlanService plans;
    private final PoolService pool;
    private final InstanceService instances;
    private final QuotaService quotas;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Path hostFiles;

    private final long payroll;
    private final Map<String, Actor> callers = new LinkedHashMap<>();
    private final List<Long> hosts = new ArrayList<>();
    private final FunctionInfo batch;
    private final FunctionInfo api;
    private final SizeInfo small;
    private final SizeInfo huge;
    private final TierInfo silver;

    MatrixFixtures(ApplicationContext context, Path hostFiles) {
        requests = context.getBean(CapacityRequestService.class);
        approvals = context.getBean(ApprovalService.class);
        quotaIncreases = context.getBean(QuotaIncreaseService.class);
        maintenance = context.getBean(HostMaintenanceService.class);
        policies = context.getBean(ApprovalPolicyService.class);
        plans = context.getBean(MigrationPlanService.class);
        pool = context.getBean(PoolService.class);
        instances = context.getBean(InstanceService.class);
        quotas = context.getBean(QuotaService.class);
        runtime = context.getBean(RuntimeService.class);
        management = context.getBean(ManagementService.class);
        this.hostFiles = hostFiles;

        TeamService teams = context.getBean(TeamService.class);
        CatalogService catalog = context.getBean(CatalogService.class);
        String run = UUID.randomUUID().toString().substring(0, 8);
        payroll = teams.create("payroll-" + run).id();
        long shop = teams.create("shop-" + run).id();
        long platform = teams.create("platform-" + run).id();
        silver = catalog.createTier("silver-" + run, false, true, true, 2.0);
        // the shipped approval policy sends "gold" requests to the team's managers
        long gold = catalog.tiers().stream().filter(t -> t.name().equals("gold")).findFirst()
                .orElseGet(() -> catalog.createTier("gold", true, true, true, 1.0)).id();
        batch = catalog.createFunction(payroll, "Payroll batch", silver.id());
        api = catalog.createFunction(payroll, "Payroll API", gold);
        small = catalog.createSize("small-" + run, 1, 1024, 10);
        // within Payroll's quota, but larger than any test host (128 CPUs at most)
        huge = catalog.createSize("huge-" + run, 512, 1024, 10);
        quotas.setLimits(payroll, new Resources(1000, 1024 * 1000, 10000, 30));

        PersonService people = context.getBean(PersonService.class);
        person(people, "alice", run, payroll, Role.REQUESTER);
        person(people, "rita", run, payroll, Role.REQUESTER);
        person(people, "paul", run, payroll, Role.REQUESTER, Role.MANAGER);
        person(people, "wendy", run, shop, Role.REQUESTER);
        person(people, "mike", run, shop, Role.REQUESTER, Role.MANAGER);
        person(people, "admin", run, platform, Role.ADMIN);

        // hosts of earlier runs on this database have lost their node files: they are down
        pool.hosts().stream().filter(h -> h.uri().startsWith("test://"))
                .filter(h -> !Files.exists(Path.of(h.uri().substring("test://".length()))))
                .forEach(h -> pool.markDown(h.id()));
        register(128, Set.of());
    }

    private void person(PersonService people, String name, String run, long team, Role... roles) {
        String username = name + "-" + run;
        people.create(username, username, username + "@example.org", "{noop}x", team, EnumSet.copyOf(Set.of(roles)));
        callers.put(name, new Actor(username, team, EnumSet.copyOf(Set.of(roles))));
    }

    /** The matrix's callers by their column name. */
    Actor caller(String name) {
        Actor actor = callers.get(name);
        if (actor == null) {
            throw new IllegalArgumentException("No caller \"" + name + "\": see the legend of the matrix");
        }
        return actor;
    }

    NewCapacityRequest form(long functionId) {
        return new NewCapacityRequest(functionId, small.id(), 1, LocalDate.now().plusDays(30), REASON);
    }

    long smallSize() {
        return small.id();
    }

    long silverTier() {
        return silver.id();
    }

    /** The fixture a line's "on" names. */
    Fixture make(String on) {
        return switch (on) {
            case "-", "active policy" -> Fixture.NONE;
            case "Payroll's function" -> new Fixture(String.valueOf(api.id()), () -> { });
            case "waiting request" -> request(submit("alice", api, 1));
            case "active request" -> request(active(submit("alice", batch, 1)));
            case "request over quota" -> request(overQuota());
            case "failed request" -> new Fixture(String.valueOf(failed()), () -> { });
            case "manager task" -> managerTask("alice");
            case "paul's request task" -> managerTask("paul");
            case "paul's extension task" -> extensionTask();
            case "admin task" -> adminTask();
            case "host" -> host(hostWithAnInstance());
            case "host with a drain plan" -> host(drained(hostWithAnInstance(), false));
            case "host being drained" -> host(drained(hostWithAnInstance(), true));
            case "host after a partial drain" -> host(partlyDrained());
            case "host in maintenance" -> hostInMaintenance();
            case "host that is down" -> hostThatIsDown();
            case "plan" -> new Fixture(String.valueOf(discardedPlan()), () -> { });
            case "idle pool" -> idlePool();
            case "rebalance plan" -> rebalancePlan();
            default -> throw new IllegalArgumentException("No fixture \"" + on + "\": see the legend of the matrix");
        };
    }

    byte[] activePolicy() {
        return policies.activeDmn(caller("admin")).getBytes(StandardCharsets.UTF_8);
    }

    // requests and decisions

    private long submit(String caller, FunctionInfo function, int count) {
        return requests.submit(caller(caller), new NewCapacityRequest(function.id(), small.id(), count,
                LocalDate.now().plusDays(30), REASON)).id();
    }

    private RequestStatus status(long id) {
        return requests.details(caller("paul"), id).orElseThrow().summary().status();
    }

    /** Runs the request's jobs (provisioning) until it is active. */
    private long active(long id) {
        for (int i = 0; i < 10 && status(id) != RequestStatus.ACTIVE; i++) {
            runJobs(String.valueOf(id));
        }
        if (status(id) != RequestStatus.ACTIVE) {
            throw new IllegalStateException("Request " + id + " is " + status(id) + ", not active");
        }
        return id;
    }

    /**
     * Alice's request for 40 small instances, over Payroll's quota: the limits are set to what the
     * team uses and room for 25 more first, as an administrator's approval of more quota (a cell of
     * the matrix) may have raised them.
     */
    private long overQuota() {
        QuotaUsage usage = quotas.usage(payroll);
        Resources used = usage.allocated();
        Resources reserved = usage.reserved();
        quotas.setLimits(payroll, new Resources(used.vcpu() + reserved.vcpu() + 25,
                used.memoryMib() + reserved.memoryMib() + 25 * 1024, used.diskGib() + reserved.diskGib() + 25 * 10,
                used.instances() + reserved.instances() + 25));
        return submit("alice", batch, 40);
    }

    /**
     * Withdraws a request that still waits, so that its quota is free for the next fixtures (after
     * its jobs: one approved more quota for goes on asynchronously, and cannot be withdrawn before).
     */
    private Fixture request(long id) {
        return new Fixture(String.valueOf(id), () -> {
            runJobs(String.valueOf(id));
            RequestStatus status = status(id);
            if (status == RequestStatus.PENDING_APPROVAL || status == RequestStatus.OVER_QUOTA) {
                requests.withdraw(caller("paul"), id);
            }
        });
    }

    /**
     * Alice's request for one instance larger than any host: approved by the manager and an
     * administrator (the policy asks both for over 32 vCPU), then provisioning finds no room and
     * the request fails, waiting for an administrator to review the failure.
     */
    private long failed() {
        long id = requests.submit(caller("alice"), new NewCapacityRequest(batch.id(), huge.id(), 1,
                LocalDate.now().plusDays(30), REASON)).id();
        approvals.approve(caller("paul"), task("paul", id, ApprovalKind.MANAGER), "");
        approvals.approve(caller("admin"), task("admin", id, ApprovalKind.ADMIN), "");
        for (int i = 0; i < 10 && status(id) != RequestStatus.FAILED; i++) {
            runJobs(String.valueOf(id));
        }
        if (!requests.details(caller("admin"), id).map(RequestDetails::failureToReview).orElse(false)) {
            throw new IllegalStateException("Request " + id + " is " + status(id) + ", not a failure to review");
        }
        return id;
    }

    private Fixture managerTask(String askedBy) {
        long id = submit(askedBy, api, 1);
        return new Fixture(task("paul", id, ApprovalKind.MANAGER), request(id)::close);
    }

    /** Paul asks for a lease past the policy's 183 days: Payroll's managers decide, and he is the only one. */
    private Fixture extensionTask() {
        long id = active(submit("alice", batch, 1));
        requests.extend(caller("paul"), id, LocalDate.now().plusDays(200));
        runJobs(String.valueOf(id));
        return new Fixture(task("paul", id, ApprovalKind.EXTENSION), () -> { });
    }

    /** A manager's ask for more quota goes straight to the administrators. */
    private Fixture adminTask() {
        long id = overQuota();
        quotaIncreases.ask(caller("paul"), id, REASON);
        runJobs(String.valueOf(id));
        return new Fixture(task("admin", id, ApprovalKind.QUOTA_ADMIN), request(id)::close);
    }

    private String task(String caller, long requestId, ApprovalKind kind) {
        return approvals.inbox(caller(caller)).stream()
                .filter(t -> t.request().id() == requestId && t.kind() == kind).map(ApprovalTask::taskId)
                .findFirst().orElseThrow(() -> new IllegalStateException("No " + kind + " task for request "
                        + requestId + " in the inbox of " + caller));
    }

    // hosts and plans

    /** A host of its own (by tag) with one instance, and a second one with room to drain it to. */
    private long hostWithAnInstance() {
        String tag = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        HostView host = register(16, Set.of(tag));
        provision(tag, 1, 1);
        register(16, Set.of(tag));
        return host.id();
    }

    private void provision(String tag, int count, int vcpu) {
        instances.provision(new ProvisionOrder("matrix-" + UUID.randomUUID(), 1, 1, "Authorisation matrix", "m", vcpu,
                1024, 10, IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList(),
                new PlacementRules(Spread.NONE, false, Set.of(tag), null, 0), Mobility.DEFAULT));
    }

    private long drained(long hostId, boolean confirmed) {
        maintenance.drain(caller("admin"), hostId);
        if (confirmed) {
            maintenance.confirm(caller("admin"), hostId);
        }
        return hostId;
    }

    /** Two instances of 6 vCPU and a second host of 8: one of them cannot leave. */
    private long partlyDrained() {
        String tag = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        HostView host = register(16, Set.of(tag));
        provision(tag, 2, 6);
        register(8, Set.of(tag));
        drained(host.id(), true);
        runJobs("host-" + host.id());
        if (maintenance.overview(caller("admin"), host.id()).waitingFor() != HostStep.DECIDE_INCOMPLETE_DRAIN) {
            throw new IllegalStateException("Host " + host.name() + " does not wait for a decision on its drain");
        }
        return host.id();
    }

    private Fixture hostInMaintenance() {
        long hostId = hostWithAnInstance();
        pool.changeState(hostId, HostState.ACTIVE, HostState.MAINTENANCE);
        return host(hostId);
    }

    /** Down, with host-failure.bpmn waiting for an administrator to confirm that it is off. */
    private Fixture hostThatIsDown() {
        long hostId = hostWithAnInstance();
        pool.markDown(hostId);
        runtime.startProcessInstanceByKey("host-failure", "host-" + hostId,
                Map.of("hostId", hostId, "requestedBy", "health check"));
        return host(hostId);
    }

    private HostView register(int cpus, Set<String> tags) {
        HostView host = TestDriverHosts.register(pool, hostFiles, cpus, 4096L * cpus, 160L * cpus, tags);
        hosts.add(host.id());
        return host;
    }

    /**
     * Marks down the hosts of the run: their node files go with the test's temporary directory, and
     * the tests after this one must not place anything on them.
     */
    void removeHosts() {
        hosts.forEach(pool::markDown);
    }

    /** The host's processes end with the fixture: nothing of it is left waiting in the shared database. */
    private Fixture host(long hostId) {
        return new Fixture(String.valueOf(hostId), () -> {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey("host-" + hostId).list()
                    .forEach(p -> runtime.deleteProcessInstance(p.getId(), "authorisation matrix over"));
            plans.openPlanOf(hostId).ifPresent(p -> closePlan(p.id()));
            pool.markDown(hostId);
        });
    }

    private long discardedPlan() {
        long hostId = hostWithAnInstance();
        MigrationPlan plan = maintenance.drain(caller("admin"), hostId);
        maintenance.discard(caller("admin"), hostId);
        pool.markDown(hostId);
        return plan.id();
    }

    private void closePlan(long planId) {
        plans.cancel(planId, "test");
        if (plans.plan(planId).state() == PlanState.CANCELLING) {
            plans.runNext(planId, 1);
        }
    }

    // rebalancing

    private Fixture idlePool() {
        endRebalances();
        return new Fixture("", this::endRebalances);
    }

    /**
     * A rebalance plan waiting for a decision, as pool-rebalance.bpmn leaves one: planned here (for
     * a second rather than the configured time) and the process started at the decision.
     */
    private Fixture rebalancePlan() {
        endRebalances();
        MigrationPlan plan = plans.proposeRebalance(Goal.BALANCE, 1, Duration.ofSeconds(1), "admin");
        runtime.createProcessInstanceByKey("pool-rebalance").businessKey("pool")
                .startBeforeActivity("Task_ApprovePlan")
                .setVariables(Map.of("planId", plan.id(), "requestedBy", "admin", "moveCount", plan.moves().size()))
                .execute();
        return new Fixture(String.valueOf(plan.id()), () -> {
            endRebalances();
            closePlan(plan.id());
        });
    }

    /** No rebalance process: the job executor is off here, so whatever one waits for never comes. */
    private void endRebalances() {
        runtime.createProcessInstanceQuery().processDefinitionKey("pool-rebalance").list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "authorisation matrix"));
    }

    /** Runs the executable jobs of the processes with that business key, one at a time. */
    private void runJobs(String businessKey) {
        for (int i = 0; i < 50; i++) {
            List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                    .stream().flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).executable().list()
                            .stream()).toList();
            if (jobs.isEmpty()) {
                return;
            }
            management.executeJob(jobs.get(0).getId());
        }
    }
}
