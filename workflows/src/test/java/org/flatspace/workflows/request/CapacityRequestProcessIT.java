package org.flatspace.workflows.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The capacity-request process on MariaDB, with real libvirt test-driver hosts. */
@SpringBootTest
class CapacityRequestProcessIT {

    @TempDir
    static Path hostFiles;

    @Autowired
    CapacityRequestService requests;
    @Autowired
    TeamService teams;
    @Autowired
    CatalogService catalog;
    @Autowired
    QuotaService quotas;
    @Autowired
    PoolService pool;
    @Autowired
    InstanceService instances;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;

    Actor alice;
    FunctionInfo payroll;
    SizeInfo small;

    @BeforeEach
    void teamWithQuota() {
        BpmnAwareTests.init(engine);
        if (pool.hosts().isEmpty()) {
            TestDriverHosts.register(pool, hostFiles, 32, 65536, 2000);
            TestDriverHosts.register(pool, hostFiles, 32, 65536, 2000);
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = teams.create("payroll-" + suffix).id();
        payroll = catalog.createFunction(team, "Payroll batch",
                catalog.createTier("silver-" + suffix, false, true, true, 2.0).id());
        small = catalog.createSize("small-" + suffix, 1, 1024, 10);
        quotas.setLimits(team, new Resources(100, 16384, 200, 6));
        alice = new Actor("alice", team, Set.of(Role.REQUESTER));
    }

    @Test
    void requestWithinQuota_isApprovedProvisionedAndActive() {
        RequestSummary submitted = requests.submit(alice, form(payroll.id(), small.id(), 2));
        ProcessInstance process = processOf(submitted);

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ProvisionInstances")
                .hasPassed("Task_ReserveQuota", "Task_ApproveRequest");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(new Resources(2, 2048, 20, 2));

        execute(job(process));

        BpmnAwareTests.assertThat(process).hasPassed("Task_ActivateRequest").isEnded();
        RequestDetails details = requests.details(alice, submitted.id()).orElseThrow();
        assertThat(details.summary().status()).isEqualTo(RequestStatus.ACTIVE);
        assertThat(details.instances()).hasSize(2).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo("RUNNING");
            assertThat(instances.liveState(i.id())).isEqualTo(DomainState.RUNNING);
        });
        assertThat(details.timeline()).extracting(TimelineEntry::event)
                .containsExactly("Submitted", "Quota reserved", "Approved", "Active");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotas.usage(alice.teamId()).allocated()).isEqualTo(new Resources(2, 2048, 20, 2));
    }

    @Test
    void requestOverQuota_isRejectedAtOnceWithTheShortfall() {
        RequestSummary submitted = requests.submit(alice, form(payroll.id(), small.id(), 7));

        assertThat(submitted.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(submitted.statusReason()).isEqualTo("over quota: needs 7 instances; the team has 6 free");
        assertThat(historicProcessOf(submitted).getEndActivityId()).isEqualTo("EndEvent_Rejected");
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
    }

    @Test
    void provisioningFailure_failsTheRequestReleasesTheQuotaAndLeavesNoVm() {
        // every test host has 32 CPUs: a 64-vCPU instance is within the team's quota but fits no host
        SizeInfo huge = catalog.createSize("huge-" + UUID.randomUUID().toString().substring(0, 8), 64, 1024, 10);
        RequestSummary submitted = requests.submit(alice, form(payroll.id(), huge.id(), 1));
        ProcessInstance process = processOf(submitted);
        assertThat(quotas.usage(alice.teamId()).reserved().vcpu()).isEqualTo(64);

        execute(job(process));

        BpmnAwareTests.assertThat(process).hasPassed("Task_FailRequest").isEnded();
        RequestDetails details = requests.details(alice, submitted.id()).orElseThrow();
        assertThat(details.summary().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(details.summary().statusReason()).startsWith("no room for the instances");
        assertThat(details.instances()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo("FAILED");
            assertThat(instances.liveState(i.id())).isEqualTo(DomainState.NOT_FOUND);
        });
        assertThat(quotas.usage(alice.teamId()).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotas.usage(alice.teamId()).allocated()).isEqualTo(Resources.NONE);
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
        RequestSummary mine = requests.submit(alice, form(payroll.id(), small.id(), 1));
        long otherTeam = teams.create("other-" + UUID.randomUUID().toString().substring(0, 8)).id();
        Actor bob = new Actor("bob", otherTeam, Set.of(Role.REQUESTER, Role.MANAGER));

        assertThatThrownBy(() -> requests.submit(bob, form(payroll.id(), small.id(), 1)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("function"));
        assertThat(requests.details(bob, mine.id())).isEmpty();
        assertThat(requests.requestsOf(bob)).isEmpty();
    }

    @Test
    void someoneWhoIsOnlyAnAdmin_cannotRequestCapacity() {
        Actor admin = new Actor("root", alice.teamId(), Set.of(Role.ADMIN));

        assertThatThrownBy(() -> requests.submit(admin, form(payroll.id(), small.id(), 1)))
                .isInstanceOf(NotAllowedException.class);
    }

    private NewCapacityRequest form(long function, long size, int count) {
        return new NewCapacityRequest(function, size, count, LocalDate.now().plusMonths(3), "month-end payroll run");
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
