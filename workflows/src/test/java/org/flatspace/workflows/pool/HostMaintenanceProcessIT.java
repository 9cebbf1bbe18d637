package org.flatspace.workflows.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.flatspace.config.audit.AuditEntry;
import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.person.Role;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.Mobility;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.MoveStatus;
import org.flatspace.provisioning.migration.PlanState;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every path of host-maintenance.bpmn and host-failure.bpmn through the administrators' service,
 * on MariaDB with libvirt test-driver hosts. Jobs (the batches of moves) are run by the test.
 */
@SpringBootTest
class HostMaintenanceProcessIT {

    @TempDir
    static Path hostFiles;

    @Autowired
    HostMaintenanceService maintenance;
    @Autowired
    InstanceService instances;
    @Autowired
    PoolService pool;
    @Autowired
    Hypervisor hypervisor;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    AuditService audit;

    private final Actor admin = new Actor("ada", 1, EnumSet.of(Role.ADMIN));
    private final Actor requester = new Actor("rita", 1, EnumSet.of(Role.REQUESTER, Role.MANAGER));
    private String tag;
    private HostView host;

    @BeforeEach
    void aHost() {
        tag = "maint-" + UUID.randomUUID().toString().substring(0, 8);
        host = host(16);
    }

    @Test
    void drain_confirmed_movesEverything_andTheHostIsInMaintenance_untilTheAdminTakesItOut() {
        List<InstanceView> running = provision(3, 2, Mobility.DEFAULT);
        HostView other = host(16);

        MigrationPlan plan = maintenance.drain(admin, host.id());

        assertThat(plan.state()).isEqualTo(PlanState.PROPOSED);
        assertThat(plan.moves()).hasSize(3).allSatisfy(m -> assertThat(m.toHostId()).isEqualTo(other.id()));
        assertThat(maintenance.overview(admin, host.id()).waitingFor()).isEqualTo(HostStep.CONFIRM_DRAIN);

        maintenance.confirm(admin, host.id());
        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.DRAINING);
        runJobs();

        assertThat(ended("EndEvent_InMaintenance")).isTrue();
        HostOverview after = maintenance.overview(admin, host.id());
        assertThat(after.host().state()).isEqualTo(HostState.MAINTENANCE);
        assertThat(after.instances()).isEmpty();
        assertThat(after.recentMoves()).hasSize(3).allSatisfy(m -> assertThat(m.status()).isEqualTo(MoveStatus.DONE));
        assertThat(running).allSatisfy(i ->
                assertThat(hypervisor.state(other.uri(), i.id())).isEqualTo(DomainState.RUNNING));

        maintenance.leaveMaintenance(admin, host.id());
        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
    }

    @Test
    void hostActions_areAudited_aRefusalOnceAsDenied_andAFailureWithItsReason() {
        provision(1, 1, Mobility.DEFAULT);
        host(16);

        assertThatThrownBy(() -> maintenance.drain(requester, host.id())).isInstanceOf(NotAllowedException.class);
        maintenance.drain(admin, host.id());
        assertThatThrownBy(() -> maintenance.drain(admin, host.id())).isInstanceOf(IllegalStateException.class);
        maintenance.discard(admin, host.id());

        assertThat(audit.find(AuditFilter.any().withText("host:" + host.name()), 0, 10))
                .extracting(AuditEntry::who, AuditEntry::action, AuditEntry::outcome).containsExactly(
                        tuple("ada", "host.discard", AuditOutcome.SUCCESS),
                        tuple("ada", "host.drain", AuditOutcome.FAILED),
                        tuple("ada", "host.drain", AuditOutcome.SUCCESS),
                        tuple("rita", "host.drain", AuditOutcome.DENIED));
        assertThat(audit.find(AuditFilter.any().withText("host:" + host.name()).withOutcome(AuditOutcome.FAILED), 0, 1))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("already being drained"));
    }

    @Test
    void drain_discarded_movesNothing() {
        provision(1, 1, Mobility.DEFAULT);
        host(16);
        maintenance.drain(admin, host.id());

        maintenance.discard(admin, host.id());

        assertThat(ended("EndEvent_Discarded")).isTrue();
        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
        assertThat(maintenance.overview(admin, host.id()).instances()).hasSize(1);
        assertThat(maintenance.overview(admin, host.id()).recentPlans().get(0).state()).isEqualTo(PlanState.DISCARDED);
    }

    @Test
    void drain_cancelledWhileRunning_stopsAfterTheMovesInFlight() {
        provision(4, 1, Mobility.DEFAULT);
        host(16);
        maintenance.drain(admin, host.id());
        maintenance.confirm(admin, host.id());

        runOneJob();
        maintenance.cancel(admin, host.id());
        runJobs();

        assertThat(ended("EndEvent_Cancelled")).isTrue();
        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
        assertThat(maintenance.overview(admin, host.id()).instances()).hasSize(2);
    }

    @Test
    void drain_thatCannotMoveEverything_waitsForTheAdmin_whoKeepsTheHostActive_orPutsItInMaintenance() {
        provision(2, 6, Mobility.DEFAULT);
        host(8);
        maintenance.drain(admin, host.id());
        maintenance.confirm(admin, host.id());
        runJobs();

        assertThat(maintenance.overview(admin, host.id()).waitingFor()).isEqualTo(HostStep.DECIDE_INCOMPLETE_DRAIN);
        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.DRAINING);
        assertThat(maintenance.overview(admin, host.id()).instances()).singleElement()
                .satisfies(i -> assertThat(i.state().name()).isEqualTo("RUNNING"));

        maintenance.decide(admin, host.id(), IncompleteDrainDecision.RETRY);
        assertThat(maintenance.overview(admin, host.id()).waitingFor()).isEqualTo(HostStep.CONFIRM_DRAIN);
        maintenance.confirm(admin, host.id());
        runJobs();
        maintenance.decide(admin, host.id(), IncompleteDrainDecision.MAINTENANCE);

        assertThat(ended("EndEvent_InMaintenanceAnyway")).isTrue();
        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.MAINTENANCE);
        assertThat(maintenance.overview(admin, host.id()).instances()).hasSize(1);
    }

    @Test
    void hostFailure_haInstancesRestartElsewhereOnlyOnceAnAdminConfirmsFencing() {
        List<InstanceView> ha = provision(2, 1, new Mobility(true, true));
        List<InstanceView> waits = provision(1, 1, new Mobility(true, false));
        HostView spare = host(16);
        pool.markDown(host.id());
        runtime.startProcessInstanceByKey(PlanVariables.FAILURE_PROCESS, PlanVariables.businessKey(host.id()),
                Map.of(PlanVariables.HOST_ID, host.id(), PlanVariables.REQUESTED_BY, "health check"));

        assertThat(maintenance.overview(admin, host.id()).waitingFor()).isEqualTo(HostStep.CONFIRM_FENCING);
        assertThat(hypervisor.list(spare.uri())).isEmpty();

        maintenance.confirmFencing(admin, host.id());
        runJobs();

        assertThat(ended("EndEvent_Restarted")).isTrue();
        assertThat(ha).allSatisfy(i -> assertThat(hypervisor.state(spare.uri(), i.id())).isEqualTo(DomainState.RUNNING));
        assertThat(hypervisor.list(spare.uri())).noneMatch(d -> d.id().equals(waits.get(0).id()));
        assertThat(maintenance.overview(admin, host.id()).instances()).extracting(InstanceView::id)
                .containsExactly(waits.get(0).id());
    }

    @Test
    void aHostThatAnswersBeforeItIsFenced_endsTheFailureProcess_andNothingRestarts() {
        provision(1, 1, new Mobility(true, true));
        host(16);
        pool.markDown(host.id());
        runtime.startProcessInstanceByKey(PlanVariables.FAILURE_PROCESS, PlanVariables.businessKey(host.id()),
                Map.of(PlanVariables.HOST_ID, host.id(), PlanVariables.REQUESTED_BY, "health check"));

        pool.markAnswering(host.id());
        runtime.createMessageCorrelation(PlanVariables.MESSAGE_HOST_ANSWERS)
                .processInstanceBusinessKey(PlanVariables.businessKey(host.id())).correlateAll();

        assertThat(ended("EndEvent_HostBack")).isTrue();
        assertThat(maintenance.overview(admin, host.id()).instances()).hasSize(1);
        assertThat(pool.fenced(host.id())).isFalse();
    }

    @Test
    void onlyAdministratorsLookAfterHosts() {
        provision(1, 1, Mobility.DEFAULT);
        assertThatThrownBy(() -> maintenance.drain(requester, host.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> maintenance.overview(requester, host.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> maintenance.confirmFencing(requester, host.id()))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> maintenance.recentPlans(requester, 5)).isInstanceOf(NotAllowedException.class);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(PlanVariables.businessKey(host.id()))
                .count()).isZero();
    }

    @Test
    void aHostInMaintenanceCannotBeDrainedAgain() {
        pool.changeState(host.id(), HostState.ACTIVE, HostState.MAINTENANCE);
        assertThatThrownBy(() -> maintenance.drain(admin, host.id()))
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("only an active host can be drained");
    }

    private boolean ended(String endEvent) {
        return history.createHistoricActivityInstanceQuery().activityId(endEvent).list().stream()
                .anyMatch(a -> history.createHistoricProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                        .processInstanceBusinessKey(PlanVariables.businessKey(host.id())).count() == 1);
    }

    private void runJobs() {
        for (int i = 0; i < 50 && runOneJob(); i++) {
            // each job is one batch of moves
        }
    }

    private boolean runOneJob() {
        List<String> processes = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(PlanVariables.businessKey(host.id())).list().stream()
                .map(p -> p.getId()).toList();
        for (String process : processes) {
            List<Job> jobs = management.createJobQuery().processInstanceId(process).executable().list();
            if (!jobs.isEmpty()) {
                management.executeJob(jobs.get(0).getId());
                return true;
            }
        }
        return false;
    }

    private HostView host(int cpus) {
        return TestDriverHosts.register(pool, hostFiles, cpus, 65536, 1000, Set.of(tag));
    }

    private List<InstanceView> provision(int count, int vcpu, Mobility mobility) {
        return instances.provision(new ProvisionOrder("maint-" + UUID.randomUUID(), 1, 1, "Maintenance test", "m",
                vcpu, 1024, 10, IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList(),
                new PlacementRules(Spread.NONE, false, Set.of(tag), null, 0), mobility));
    }
}
