package org.flatspace.workflows.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceState;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.notify.NotificationService;
import org.flatspace.workflows.notify.NotificationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every path of capacity-request.bpmn on MariaDB, with real libvirt test-driver hosts. Jobs
 * (provisioning, timers) are run by the test, one at a time.
 */
@SpringBootTest
class CapacityRequestProcessIT {

    @TempDir
    static Path hostFiles;
    static boolean hostsRegistered;

    @Autowired
    CapacityRequestService requests;
    @Autowired
    ApprovalService approvals;
    @Autowired
    QuotaIncreaseService quotaIncreases;
    @Autowired
    TeamService teams;
    @Autowired
    PersonService people;
    @Autowired
    CatalogService catalog;
    @Autowired
    QuotaService quotas;
    @Autowired
    PoolService pool;
    @Autowired
    InstanceService instances;
    @Autowired
    NotificationService notifications;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ReservationSweep sweep;
    @Autowired
    AuditService audit;

    Actor alice;
    Actor paul;
    Actor mona;
    Actor otherManager;
    Actor admin;
    FunctionInfo payroll;
    FunctionInfo payrollApi;
    SizeInfo small;
    SizeInfo large;

    @BeforeEach
    void teamWithQuota() {
        BpmnAwareTests.init(engine);
        if (!hostsRegistered) {
            // hosts of earlier runs on this database have lost their node files: they are down
            pool.hosts().stream().filter(h -> !Files.exists(Path.of(h.uri().substring("test://".length()))))
                    .forEach(h -> pool.markDown(h.id()));
            for (int i = 0; i < 3; i++) {
                TestDriverHosts.register(pool, hostFiles, 128, 524288, 20000);
            }
            hostsRegistered = true;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = teams.create("payroll-" + suffix).id();
        long otherTeam = teams.create("shop-" + suffix).id();
        payroll = catalog.createFunction(team, "Payroll batch",
                catalog.createTier("silver-" + suffix, false, true, true, 2.0).id());
        // the shipped approval policy sends "gold" requests to the team's managers
        long gold = catalog.tiers().stream().filter(t -> t.name().equals("gold")).findFirst()
                .orElseGet(() -> catalog.createTier("gold", true, true, true, 1.0)).id();
        payrollApi = catalog.createFunction(team, "Payroll API", gold);
        small = catalog.createSize("small-" + suffix, 1, 1024, 10);
        large = catalog.createSize("large-" + suffix, 12, 4096, 10);
        quotas.setLimits(team, new Resources(1000, 1048576, 10000, 6));
        alice = person("alice-" + suffix, team, Role.REQUESTER);
        paul = person("paul-" + suffix, team, Role.REQUESTER, Role.MANAGER);
        mona = person("mona-" + suffix, team, Role.REQUESTER, Role.MANAGER);
        otherManager = person("olga-" + suffix, otherTeam, Role.REQUESTER, Role.MANAGER);
        admin = person("ada-" + suffix, otherTeam, Role.ADMIN);
    }

    @Test
    void smallSilverRequest_isApprovedByThePolicyProvisionedAndActive() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 2));
        ProcessInstance process = processOf(submitted);

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ProvisionInstances")
                .hasPassed("Task_ReserveQuota", "Task_DecideApprovalPolicy", "Task_ApproveRequest");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(new Resources(2, 2048, 20, 2));

        execute(job(process));

        BpmnAwareTests.assertThat(process).hasPassed("Task_ActivateRequest").isWaitingAt("Timer_ReminderDue");
        RequestDetails details = details(alice, submitted);
        assertThat(details.summary().status()).isEqualTo(RequestStatus.ACTIVE);
        assertThat(details.instances()).hasSize(2).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo("RUNNING");
            assertThat(instances.liveState(i.id())).isEqualTo(DomainState.RUNNING);
        });
        assertThat(details.timeline()).extracting(TimelineEntry::event)
                .containsExactly("Submitted", "Quota reserved", "Approved", "Active");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotas.usage(alice.teamId()).allocated()).isEqualTo(new Resources(2, 2048, 20, 2));
        // approved by the policy, the requester hears once, when the capacity is active
        assertThat(subjects(alice)).anyMatch(s -> s.endsWith("active")).noneMatch(s -> s.endsWith("approved"));
    }

    @Test
    void aFunctionsPage_showsWhatRunsForItWithItsRequest_andItsRequestsNewestFirst_toItsTeamAndAdminsOnly() {
        RequestSummary first = requests.submit(alice, form(payroll, small, 2));
        execute(job(processOf(first)));
        RequestSummary second = requests.submit(alice, form(payroll, small, 1));
        execute(job(processOf(second)));
        RequestSummary elsewhere = requests.submit(alice, form(payrollApi, small, 1));

        FunctionDetails details = requests.function(alice, payroll.id()).orElseThrow();

        assertThat(details.function()).isEqualTo(payroll);
        assertThat(details.requests()).extracting(RequestSummary::id).containsExactly(second.id(), first.id())
                .doesNotContain(elsewhere.id());
        assertThat(details.requestCount()).isEqualTo(2);
        assertThat(details.instances()).hasSize(3).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(i.leaseEnd()).isEqualTo(first.leaseEnd());
        });
        assertThat(details.instances()).extracting(FunctionInstance::requestId)
                .containsExactlyInAnyOrder(first.id(), first.id(), second.id());
        assertThat(details.running()).isEqualTo(new Resources(3, 3072, 30, 3));
        assertThat(requests.function(admin, payroll.id())).as("an administrator").isPresent();
        assertThat(requests.function(otherManager, payroll.id())).as("another team's manager").isEmpty();
        assertThat(audit.find(AuditFilter.any().withWho(otherManager.username()).withAction("function.read"), 0, 5))
                .extracting(e -> e.object() + " " + e.outcome())
                .containsExactly("function:" + payroll.id() + " DENIED");
        assertThat(requests.function(alice, Long.MAX_VALUE)).as("no such function").isEmpty();
        requests.withdraw(alice, elsewhere.id());
    }

    @Test
    void reservationLeftBehindByARequestThatNeverCommitted_isSwept_whileAWaitingRequestKeepsItsOwn() {
        RequestSummary waiting = requests.submit(alice, form(payrollApi, small, 2));
        assertThat(waiting.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        // a node died between the reservation's commit and its request's: no such request exists
        String orphan = CapacityRequest.KEY_PREFIX + (Long.MAX_VALUE - System.currentTimeMillis());
        assertThat(quotas.reserve(alice.teamId(), orphan, Resources.of(1, 1, 1024, 10)).granted()).isTrue();
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(new Resources(3, 3072, 30, 3));

        sweep.sweep(Duration.ZERO);

        assertThat(quotas.stateOf(orphan)).contains("RELEASED");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(new Resources(2, 2048, 20, 2));
        assertThat(quotas.recount(alice.teamId()).drifted()).isFalse();
    }

    @Test
    void requestOverQuota_waitsHoldingNothing_andTellsTheShortfall() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 7));

        assertThat(submitted.status()).isEqualTo(RequestStatus.OVER_QUOTA);
        assertThat(submitted.statusReason()).isEqualTo("over quota: needs 7 instances; the team has 6 free");
        BpmnAwareTests.assertThat(processOf(submitted)).isWaitingAt("Gateway_OverQuotaOutcome");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotaIncreases.shortfall(alice, submitted.id())).isEqualTo(new Resources(0, 0, 0, 1));
        assertThat(subjects(alice)).anyMatch(s -> s.endsWith("over quota"));
    }

    @Test
    void overQuota_quotaIncreaseForwardedByTheManagerAndApprovedByAnAdmin_letsTheRequestContinue() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 8));
        ProcessInstance process = processOf(submitted);

        quotaIncreases.ask(alice, submitted.id(), "month-end needs two more");

        ApprovalTask forward = single(approvals.inbox(paul));
        assertThat(forward.kind()).isEqualTo(ApprovalKind.QUOTA_MANAGER);
        assertThat(forward.total()).isEqualTo(new Resources(0, 0, 0, 2));
        assertThat(forward.reason()).isEqualTo("month-end needs two more");
        approvals.approve(paul, forward.taskId(), "agreed");
        ApprovalTask decide = single(approvals.inbox(admin));
        assertThat(decide.kind()).isEqualTo(ApprovalKind.QUOTA_ADMIN);
        approvals.approve(admin, decide.taskId(), "granted for the quarter");

        assertThat(quotas.usage(alice.teamId()).limits().instances()).isEqualTo(8);
        // the request reserves again in a job of its own, after the admin's decision committed
        BpmnAwareTests.assertThat(process).isWaitingAt("Catch_QuotaIncreased");
        assertThatThrownBy(() -> requests.withdraw(alice, submitted.id()))
                .isInstanceOf(RequestBusyException.class).hasMessageEndingWith("try again in a moment");
        execute(job(process));
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ProvisionInstances");
        assertThat(details(alice, submitted).timeline()).extracting(TimelineEntry::event)
                .contains("Over quota", "Quota increase asked", "Quota increased", "Quota reserved", "Approved");
        execute(job(process));
        assertThat(details(alice, submitted).summary().status()).isEqualTo(RequestStatus.ACTIVE);
    }

    @Test
    void overQuota_quotaIncreaseRejectedByTheAdmin_rejectsTheRequestWithTheReason() {
        RequestSummary submitted = requests.submit(paul, form(payroll, small, 7));

        quotaIncreases.ask(paul, submitted.id(), "need one more");
        assertThat(approvals.inbox(mona)).isEmpty();
        approvals.reject(admin, single(approvals.inbox(admin)).taskId(), "the pool is full this month");

        RequestSummary after = details(alice, submitted).summary();
        assertThat(after.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(after.statusReason()).isEqualTo("quota increase rejected by " + admin.username()
                + ": the pool is full this month");
        assertThat(quotas.usage(alice.teamId()).limits().instances()).isEqualTo(6);
    }

    @Test
    void overQuota_withNobodyAskingInTime_isRejected() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 7));
        ProcessInstance process = processOf(submitted);

        execute(job("Timer_OverQuotaExpired", process));

        BpmnAwareTests.assertThat(process).isEnded();
        assertThat(historicProcessOf(submitted).getEndActivityId()).isEqualTo("EndEvent_OverQuota");
        assertThat(details(alice, submitted).summary().status()).isEqualTo(RequestStatus.REJECTED);
    }

    @Test
    void goldRequest_waitsForAManagerOfTheTeam_whoApprovesIt() {
        RequestSummary submitted = requests.submit(alice, form(payrollApi, small, 1));
        ProcessInstance process = processOf(submitted);

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ManagerApproval");
        assertThat(details(alice, submitted).summary().status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(approvals.inbox(alice)).isEmpty();
        assertThat(approvals.inbox(otherManager)).isEmpty();
        ApprovalTask task = single(approvals.inbox(paul));
        assertThat(task.kind()).isEqualTo(ApprovalKind.MANAGER);
        assertThat(task.total()).isEqualTo(new Resources(1, 1024, 10, 1));
        assertThat(task.ownRequest()).isFalse();
        assertThat(subjects(paul)).anyMatch(s -> s.endsWith("waits for your approval"));
        assertThatThrownBy(() -> approvals.approve(otherManager, task.taskId(), "ok"))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> approvals.approve(alice, task.taskId(), "ok"))
                .isInstanceOf(NotAllowedException.class);

        approvals.approve(paul, task.taskId(), "fine for month end");

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ProvisionInstances");
        execute(job(process));
        RequestDetails details = details(alice, submitted);
        assertThat(details.summary().status()).isEqualTo(RequestStatus.ACTIVE);
        assertThat(details.timeline()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("Approved");
            assertThat(e.actor()).isEqualTo(paul.username());
            assertThat(e.detail()).isEqualTo("approved by " + paul.username() + ": fine for month end");
        });
    }

    @Test
    void aManagerCannotApproveTheirOwnRequest_butAnotherManagerCan() {
        RequestSummary submitted = requests.submit(paul, form(payrollApi, small, 1));

        assertThat(single(approvals.inbox(paul)).ownRequest()).isTrue();
        String taskId = single(approvals.inbox(mona)).taskId();
        assertThatThrownBy(() -> approvals.approve(paul, taskId, "mine"))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("Nobody approves their own request");

        approvals.approve(mona, taskId, "");

        BpmnAwareTests.assertThat(processOf(submitted)).isWaitingAt("Task_ProvisionInstances");
    }

    @Test
    void managerRejection_needsACommentAndReleasesTheQuota() {
        RequestSummary submitted = requests.submit(alice, form(payrollApi, small, 2));
        String taskId = single(approvals.inbox(paul)).taskId();

        assertThatThrownBy(() -> approvals.reject(paul, taskId, " "))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("comment"));
        approvals.reject(paul, taskId, "use the batch function");

        RequestSummary after = details(alice, submitted).summary();
        assertThat(after.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(after.statusReason()).isEqualTo("rejected by " + paul.username() + ": use the batch function");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
        assertThat(historicProcessOf(submitted).getEndActivityId()).isEqualTo("EndEvent_RejectedByApprover");
        assertThat(subjects(alice)).anyMatch(s -> s.endsWith("rejected"));
    }

    @Test
    void noManagerDecidingInTime_escalatesToTheAdmins() {
        RequestSummary submitted = requests.submit(alice, form(payrollApi, small, 1));
        ProcessInstance process = processOf(submitted);

        execute(job("Boundary_EscalateToAdmins", process));

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_EscalatedApproval");
        assertThat(approvals.inbox(paul)).isEmpty();
        ApprovalTask task = single(approvals.inbox(admin));
        assertThat(task.kind()).isEqualTo(ApprovalKind.ESCALATED);
        approvals.approve(admin, task.taskId(), "approved on escalation");
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ProvisionInstances");
    }

    @Test
    void largeRequest_needsTheManagerThenAnAdmin() {
        RequestSummary submitted = requests.submit(alice, form(payroll, large, 3));
        ProcessInstance process = processOf(submitted);

        approvals.approve(paul, single(approvals.inbox(paul)).taskId(), "ok from the team");

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_AdminApproval");
        ApprovalTask adminTask = single(approvals.inbox(admin));
        assertThat(adminTask.kind()).isEqualTo(ApprovalKind.ADMIN);
        assertThatThrownBy(() -> approvals.approve(paul, adminTask.taskId(), "me again"))
                .isInstanceOf(NotAllowedException.class);
        approvals.approve(admin, adminTask.taskId(), "pool has room");
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ProvisionInstances");
    }

    @Test
    void withdrawingAPendingRequest_releasesItsQuota() {
        RequestSummary submitted = requests.submit(alice, form(payrollApi, small, 2));

        requests.withdraw(alice, submitted.id());

        RequestSummary after = details(alice, submitted).summary();
        assertThat(after.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
        assertThat(approvals.inbox(paul)).isEmpty();
        assertThatThrownBy(() -> requests.withdraw(alice, submitted.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> requests.withdraw(otherManager, submitted.id()))
                .isInstanceOf(RequestNotFoundException.class);
    }

    @Test
    void leaseReminderThenLeaseEnd_decommissionsAndReleasesTheQuota() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 2));
        ProcessInstance process = processOf(submitted);
        execute(job(process));
        var running = details(alice, submitted).instances();

        execute(job("Timer_ReminderDue", process));
        assertThat(subjects(alice)).anyMatch(s -> s.contains("lease ends"));
        execute(job("Timer_LeaseEnded", process));
        execute(job("Task_DecommissionInstances", process));

        BpmnAwareTests.assertThat(process).isEnded();
        RequestDetails details = details(alice, submitted);
        assertThat(details.summary().status()).isEqualTo(RequestStatus.ENDED);
        assertThat(details.summary().statusReason()).startsWith("lease ended");
        assertThat(details.instances()).allSatisfy(i -> assertThat(i.state()).isEqualTo("DELETED"));
        running.forEach(i -> assertThat(instances.liveState(i.id())).isEqualTo(DomainState.NOT_FOUND));
        assertThat(quotas.usage(alice.teamId()).allocated()).isEqualTo(Resources.NONE);
        assertThat(quotas.recount(alice.teamId()).drifted()).isFalse();
    }

    @Test
    void earlyRelease_endsTheCapacityAtOnce() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 1));
        ProcessInstance process = processOf(submitted);
        execute(job(process));

        requests.release(alice, submitted.id());
        execute(job("Task_DecommissionInstances", process));

        RequestSummary after = details(alice, submitted).summary();
        assertThat(after.status()).isEqualTo(RequestStatus.ENDED);
        assertThat(after.statusReason()).isEqualTo("released early by " + alice.username());
        assertThat(quotas.usage(alice.teamId()).allocated()).isEqualTo(Resources.NONE);
    }

    @Test
    void shortExtension_isApprovedByThePolicy_andMovesTheLeaseEnd() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 1));
        ProcessInstance process = processOf(submitted);
        execute(job(process));
        LocalDate later = submitted.leaseEnd().plusMonths(1);

        requests.extend(alice, submitted.id(), later);

        BpmnAwareTests.assertThat(process).hasPassed("Task_ExtendLease").isWaitingAt("Timer_ReminderDue");
        assertThat(details(alice, submitted).summary().leaseEnd()).isEqualTo(later);
        assertThatThrownBy(() -> requests.extend(alice, submitted.id(), later.minusDays(2)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("leaseEnd"));
    }

    @Test
    void longExtension_needsAManager_whoMayRejectIt() {
        RequestSummary submitted = requests.submit(alice, form(payroll, small, 1));
        ProcessInstance process = processOf(submitted);
        execute(job(process));

        requests.extend(alice, submitted.id(), LocalDate.now().plusYears(2));

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ApproveExtension");
        ApprovalTask task = single(approvals.inbox(paul));
        assertThat(task.kind()).isEqualTo(ApprovalKind.EXTENSION);
        approvals.reject(paul, task.taskId(), "two years is too long");
        BpmnAwareTests.assertThat(process).hasPassed("Task_KeepLease").isWaitingAt("Timer_ReminderDue");
        assertThat(details(alice, submitted).summary().leaseEnd()).isEqualTo(submitted.leaseEnd());
    }

    @Test
    void aManagersDecision_showsTheTeamsQuotaWithTheRequestReserved_andTheTeamsOtherRequests() {
        RequestSummary earlier = requests.submit(alice, form(payroll, small, 1));
        RequestSummary asked = requests.submit(alice, form(payrollApi, small, 2));
        String taskId = single(approvals.inbox(paul)).taskId();

        DecisionContext context = approvals.context(paul, taskId);

        assertThat(context.quota()).isEqualTo(quotas.usage(alice.teamId()));
        // both requests hold their quota from the moment they were submitted
        assertThat(context.quota().reserved().instances()).isGreaterThanOrEqualTo(asked.count() + earlier.count());
        assertThat(context.teamHistory()).extracting(RequestSummary::id).contains(earlier.id())
                .doesNotContain(asked.id()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThatThrownBy(() -> approvals.context(alice, taskId)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void aManagersTask_canBeReassignedToAnotherManagerOfTheTeamOnly() {
        requests.submit(alice, form(payrollApi, small, 1));
        String taskId = single(approvals.inbox(paul)).taskId();

        assertThatThrownBy(() -> approvals.reassign(paul, taskId, otherManager.username()))
                .isInstanceOf(InvalidRequestException.class);
        approvals.reassign(paul, taskId, mona.username());

        assertThatThrownBy(() -> approvals.approve(paul, taskId, "")).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("assigned to " + mona.username());
        approvals.approve(mona, taskId, "");
    }

    @Test
    void provisioningFailure_failsTheRequestReleasesTheQuotaLeavesNoVmAndRaisesAnIncidentUntilAnAdminReviewsIt() {
        // every test host has 128 CPUs: a 512-vCPU instance is within the team's quota but fits no host
        SizeInfo huge = catalog.createSize("huge-" + UUID.randomUUID().toString().substring(0, 8), 512, 1024, 10);
        RequestSummary submitted = requests.submit(alice, new NewCapacityRequest(payroll.id(), huge.id(), 1,
                LocalDate.now().plusMonths(3), "one very large batch node"));
        ProcessInstance process = processOf(submitted);
        // over 32 vCPU the manager and an admin decide first
        approvals.approve(paul, single(approvals.inbox(paul)).taskId(), "");
        approvals.approve(admin, single(approvals.inbox(admin)).taskId(), "");

        execute(job(process));

        BpmnAwareTests.assertThat(process).hasPassed("Task_FailRequest").isWaitingAt("Task_ReviewFailure");
        RequestDetails details = details(alice, submitted);
        assertThat(details.summary().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(details.summary().statusReason()).startsWith("no room for the instances");
        assertThat(details.failureToReview()).isTrue();
        assertThat(details.instances()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo("FAILED");
            assertThat(instances.liveState(i.id())).isEqualTo(DomainState.NOT_FOUND);
        });
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotas.usage(alice.teamId()).allocated()).isEqualTo(Resources.NONE);
        assertThat(subjects(alice)).anyMatch(s -> s.endsWith("failed"));

        // the incident administrators see in Cockpit, and the notification that sends them to it
        Incident incident = runtime.createIncidentQuery().processInstanceId(process.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("provisioningFailed");
        assertThat(incident.getActivityId()).isEqualTo("Task_ReviewFailure");
        assertThat(incident.getIncidentMessage()).contains("request " + submitted.id())
                .contains("no room for the instances");
        assertThat(subjects(admin)).anyMatch(s -> s.equals("Request " + submitted.id() + " (" + payroll.name()
                + "): provisioning failed"));

        // only an administrator marks it reviewed; then the incident is gone and the process ends
        assertThatThrownBy(() -> requests.reviewFailure(alice, submitted.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> requests.reviewFailure(paul, submitted.id())).isInstanceOf(NotAllowedException.class);
        requests.reviewFailure(admin, submitted.id());
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isZero();
        BpmnAwareTests.assertThat(process).hasPassed("Task_ReviewFailure").isEnded();
        RequestDetails reviewed = details(alice, submitted);
        assertThat(reviewed.failureToReview()).isFalse();
        assertThat(reviewed.summary().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(reviewed.timeline()).last().satisfies(e -> {
            assertThat(e.event()).isEqualTo("Failure reviewed");
            assertThat(e.actor()).isEqualTo(admin.username());
        });
        assertThatThrownBy(() -> requests.reviewFailure(admin, submitted.id()))
                .isInstanceOf(NotAllowedException.class).hasMessage("This failure has been reviewed already");
    }

    @Test
    void badInput_createsNothingAndNamesEachField() {
        long before = requests.requestsOf(alice).size();

        assertThatThrownBy(() -> requests.submit(alice,
                new NewCapacityRequest(null, 999_999L, 0, LocalDate.now().minusDays(1), "  ")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("function", "size", "count", "leaseEnd", "reason")
                        .containsEntry("count", "Ask for 1 to 100 instances in one request"));

        assertThat(requests.requestsOf(alice)).hasSize((int) before);
    }

    @Test
    void anotherTeamsFunction_isRefusedAndItsRequestsAreInvisible() {
        RequestSummary mine = requests.submit(alice, form(payroll, small, 1));

        assertThatThrownBy(() -> requests.submit(otherManager, form(payroll, small, 1)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("function"));
        assertThat(requests.details(otherManager, mine.id())).isEmpty();
        assertThat(requests.requestsOf(otherManager)).isEmpty();
        assertThatThrownBy(() -> requests.release(otherManager, mine.id()))
                .isInstanceOf(RequestNotFoundException.class);
    }

    @Test
    void someoneWhoIsOnlyAnAdmin_cannotRequestCapacity() {
        assertThatThrownBy(() -> requests.submit(admin, form(payroll, small, 1)))
                .isInstanceOf(NotAllowedException.class);
    }

    private Actor person(String username, long team, Role... roles) {
        PersonAccount account = people.create(username, username, username + "@example.org", "{noop}x", team,
                EnumSet.copyOf(Set.of(roles)));
        return new Actor(account.username(), team, account.roles());
    }

    private static NewCapacityRequest form(FunctionInfo function, SizeInfo size, int count) {
        return new NewCapacityRequest(function.id(), size.id(), count, LocalDate.now().plusMonths(3),
                "month-end payroll run");
    }

    private RequestDetails details(Actor actor, RequestSummary request) {
        return requests.details(actor, request.id()).orElseThrow();
    }

    private java.util.List<String> subjects(Actor actor) {
        return notifications.of(actor.username()).stream().map(NotificationView::subject).toList();
    }

    /** The one task in the inbox; admins share one inbox, so theirs is filtered to this test's team. */
    private ApprovalTask single(java.util.List<ApprovalTask> inbox) {
        var ours = inbox.stream().filter(t -> requests.details(alice, t.request().id()).isPresent()).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }

    private ProcessInstance processOf(RequestSummary request) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(request.id()))
                .singleResult();
    }

    private HistoricProcessInstance historicProcessOf(RequestSummary request) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(request.id())).singleResult();
    }
}
