package org.flatspace.workflows.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.flatspace.config.person.Role;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.Mobility;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.MigrationPlanService;
import org.flatspace.provisioning.migration.PlanKind;
import org.flatspace.provisioning.migration.PlanState;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * pool-rebalance.bpmn: an administrator asks for a plan, it waits for a decision (the shipped
 * policy), and is applied or discarded; on MariaDB with a skewed pool of test-driver hosts.
 */
@SpringBootTest
class RebalanceProcessIT {

    @TempDir
    static Path hostFiles;

    @Autowired
    RebalanceService rebalance;
    @Autowired
    MigrationPlanService plans;
    @Autowired
    InstanceService instances;
    @Autowired
    PoolService pool;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private final Actor admin = new Actor("ada", 1, EnumSet.of(Role.ADMIN));
    private List<InstanceView> crowd;
    private HostView crowded;

    @BeforeEach
    void aSkewedPool() {
        pool.hosts().stream().filter(h -> h.state() == HostState.ACTIVE).forEach(h -> pool.markDown(h.id()));
        String tag = "rb-" + UUID.randomUUID().toString().substring(0, 8);
        crowded = TestDriverHosts.register(pool, hostFiles, 16, 16384, 1000, Set.of(tag));
        crowd = instances.provision(new ProvisionOrder("rb-" + UUID.randomUUID(), 1, 1, "Rebalance", "m", 2, 2048,
                10, IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList(),
                new PlacementRules(Spread.NONE, false, Set.of(tag), null, 0), Mobility.DEFAULT));
        TestDriverHosts.register(pool, hostFiles, 16, 16384, 1000, Set.of(tag));
    }

    @AfterEach
    void noRebalanceLeftRunning() {
        runtime.createProcessInstanceQuery().processDefinitionKey(PlanVariables.REBALANCE_PROCESS).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test over"));
    }

    @Test
    void aPlanAskedForByAnAdmin_waitsForTheDecision_andIsApplied() {
        rebalance.planNow(admin, Goal.BALANCE);
        assertThat(rebalance.inProgress()).isTrue();
        assertThatThrownBy(() -> rebalance.planNow(admin, Goal.CONSOLIDATE)).isInstanceOf(IllegalStateException.class);
        runJobs();

        MigrationPlan plan = rebalance.waitingForDecision(admin).orElseThrow();
        assertThat(plan.kind()).isEqualTo(PlanKind.BALANCE);
        assertThat(plan.state()).isEqualTo(PlanState.PROPOSED);
        assertThat(plan.moves()).hasSize(2);
        assertThat(instancesOn(crowded)).isEqualTo(4);

        rebalance.apply(admin);
        runJobs();

        assertThat(plans.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
        assertThat(instancesOn(crowded)).isEqualTo(2);
        assertThat(rebalance.inProgress()).isFalse();
    }

    @Test
    void aDiscardedPlan_movesNothing() {
        rebalance.planNow(admin, Goal.BALANCE);
        runJobs();
        long planId = rebalance.waitingForDecision(admin).orElseThrow().id();

        rebalance.discard(admin);

        assertThat(plans.plan(planId).state()).isEqualTo(PlanState.DISCARDED);
        assertThat(instancesOn(crowded)).isEqualTo(4);
        assertThat(rebalance.waitingForDecision(admin)).isEmpty();
    }

    @Test
    void onlyAdministratorsRebalance() {
        Actor manager = new Actor("mona", 1, EnumSet.of(Role.REQUESTER, Role.MANAGER));
        assertThatThrownBy(() -> rebalance.planNow(manager, Goal.BALANCE)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> rebalance.apply(manager)).isInstanceOf(NotAllowedException.class);
        assertThat(rebalance.inProgress()).isFalse();
    }

    private long instancesOn(HostView host) {
        return instances.onHost(host.id()).stream().filter(i -> crowd.stream().anyMatch(c -> c.id().equals(i.id())))
                .count();
    }

    private void runJobs() {
        for (int i = 0; i < 50; i++) {
            List<Job> jobs = runtime.createProcessInstanceQuery().processDefinitionKey(PlanVariables.REBALANCE_PROCESS)
                    .list().stream()
                    .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).executable().list().stream())
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            management.executeJob(jobs.get(0).getId());
        }
    }
}
