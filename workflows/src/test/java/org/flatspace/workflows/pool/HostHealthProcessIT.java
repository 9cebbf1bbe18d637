package org.flatspace.workflows.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.health.HostHealth;
import org.flatspace.provisioning.health.HostHealthService;
import org.flatspace.provisioning.host.HostRegistration;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** host-health.bpmn on MariaDB: its timer is scheduled by the configured cycle and checks every host. */
@SpringBootTest
class HostHealthProcessIT {

    @TempDir
    Path dir;

    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    PoolService pool;
    @Autowired
    HostHealthService health;
    @Autowired
    AuditService audit;

    @Test
    void timer_isScheduledWithinTheConfiguredCycle() {
        Job timer = timer();
        Duration cycle = Duration.parse(health.cycle().replaceFirst("^R\\d*/", ""));

        assertThat(timer.getDuedate()).isBefore(Date.from(Instant.now().plus(cycle).plusSeconds(5)));
    }

    @Test
    void firedTimer_checksEveryHostAndSchedulesTheNextCheck() {
        HostView answering = TestDriverHosts.register(pool, dir, 4, 4096, 10);
        HostView silent = pool.register(new HostRegistration("silent-" + UUID.randomUUID().toString().substring(0, 8),
                "test://" + dir.resolve("missing.xml"), HypervisorType.TEST, 4, 4096, 10, 1.0, null));
        Job timer = timer();

        management.executeJob(timer.getId());

        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery().processDefinitionKey("host-health")
                .finished().orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId()).list())
                .extracting(HistoricActivityInstance::getActivityId)
                .contains("StartEvent_HealthCheckDue", "Task_CheckHosts", "EndEvent_HostsChecked");
        assertThat(healthOf(answering).lastAnswerAt()).isNotNull();
        assertThat(healthOf(silent).consecutiveFailures()).isEqualTo(1);
        assertThat(healthOf(silent).lastError()).contains("missing.xml");
        assertThat(timer()).as("the next check").isNotNull();
    }

    @Test
    void aHostThatStopsAnswering_isDown_andItsFailureProcessStartsInTheSameCheck() {
        HostView silent = pool.register(new HostRegistration("gone-" + UUID.randomUUID().toString().substring(0, 8),
                "test://" + dir.resolve("gone-" + UUID.randomUUID() + ".xml"), HypervisorType.TEST, 4, 4096, 10, 1.0,
                null));

        for (int check = 1; check <= 3; check++) {
            management.executeJob(timer().getId());
        }

        assertThat(pool.host(silent.id()).orElseThrow().state()).isEqualTo(HostState.DOWN);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("host-failure")
                .processInstanceBusinessKey("host-" + silent.id()).count())
                .as("started by the check that marked it down").isEqualTo(1);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey("host-" + silent.id()).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test over"));
    }

    @Test
    void aDownHostThatAnswersAgain_isActive_andTheSystemsChangeIsAudited() {
        HostView host = TestDriverHosts.register(pool, dir, 4, 4096, 10);
        pool.markDown(host.id());

        management.executeJob(timer().getId());

        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
        assertThat(audit.find(AuditFilter.any().withText("host:" + host.name()), 0, 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.who()).isEqualTo(AuditService.SYSTEM);
                    assertThat(e.action()).isEqualTo("host.active");
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                    assertThat(e.detail()).isEqualTo("DOWN -> ACTIVE: answers again");
                });
    }

    private Job timer() {
        return management.createJobQuery().processDefinitionKey("host-health").timers().singleResult();
    }

    private HostHealth healthOf(HostView host) {
        return health.report().stream().filter(h -> h.hostId() == host.id()).findFirst().orElseThrow();
    }
}
