package org.flatspace.provisioning.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

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
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Draining a host and restarting a failed host's HA instances, through plans that show every move
 * before it happens, on MariaDB with libvirt test-driver hosts.
 */
@SpringBootTest
class MigrationPlanServiceIT {

    @TempDir
    static Path hostFiles;

    @Autowired
    MigrationPlanService plans;
    @Autowired
    InstanceService instances;
    @Autowired
    PoolService pool;
    @Autowired
    Hypervisor hypervisor;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String tag;
    private HostView drained;

    @BeforeEach
    void aHostWithFourInstances() {
        tag = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        drained = host(16);
    }

    @Test
    void drainingAHost_showsThePlanFirst_thenMovesEverythingAndPutsTheHostInMaintenance() {
        List<InstanceView> running = provision(4, 2, new Mobility(true, false));
        HostView a = host(8);
        HostView b = host(8);

        MigrationPlan proposed = plans.proposeDrain(drained.id(), "ada");

        assertThat(proposed.state()).isEqualTo(PlanState.PROPOSED);
        assertThat(proposed.moves()).hasSize(4).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(MoveStatus.PLANNED);
            assertThat(m.toHostId()).isIn(a.id(), b.id());
            assertThat(m.method()).isEqualTo(MoveMethod.COLD);
        });
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
        assertThat(running).allSatisfy(i -> assertThat(hostOf(i)).isEqualTo(drained.id()));

        assertThat(plans.start(proposed.id(), "ada")).isTrue();
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.DRAINING);
        while (plans.runNext(proposed.id(), 2)) {
            assertThat(plans.plan(proposed.id()).count(MoveStatus.DONE)).isPositive();
        }
        MigrationPlan done = plans.finish(proposed.id());

        assertThat(done.state()).isEqualTo(PlanState.DONE);
        assertThat(done.progress()).isEqualTo("4 of 4 moves done");
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.MAINTENANCE);
        assertThat(hypervisor.list(drained.uri())).isEmpty();
        assertThat(running).allSatisfy(i -> {
            long host = hostOf(i);
            assertThat(host).isIn(a.id(), b.id());
            assertThat(hypervisor.state(pool.host(host).orElseThrow().uri(), i.id())).isEqualTo(DomainState.RUNNING);
        });
        assertThat(plans.movesTouching(drained.id(), 10)).hasSize(4);

        assertThat(plans.leaveMaintenance(drained.id())).isTrue();
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
    }

    @Test
    void anInstanceThatFitsNowhere_isBlockedWithTheReason_andTheAdministratorDecides() {
        provision(2, 6, new Mobility(true, false));
        host(8);

        MigrationPlan proposed = plans.proposeDrain(drained.id(), "ada");

        assertThat(proposed.count(MoveStatus.PLANNED)).isEqualTo(1);
        assertThat(proposed.count(MoveStatus.BLOCKED)).isEqualTo(1);
        assertThat(proposed.moves()).filteredOn(m -> m.status() == MoveStatus.BLOCKED).singleElement()
                .satisfies(m -> assertThat(m.reason()).startsWith("no host fits instance 1 of 1:").contains("lack")
                        .contains("1 host is the one being emptied"));
        assertThat(proposed.summary()).isEqualTo("1 of 2 instances can move; 1 blocked");

        plans.start(proposed.id(), "ada");
        while (plans.runNext(proposed.id(), 2)) {
            // runs the one move that can be made
        }
        MigrationPlan incomplete = plans.finish(proposed.id());

        assertThat(incomplete.state()).isEqualTo(PlanState.INCOMPLETE);
        // nothing was stopped: the blocked instance still runs on the host, which stays out of placement
        assertThat(hypervisor.list(drained.uri())).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DomainState.RUNNING));
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.DRAINING);
        assertThat(plans.keepActive(drained.id())).isTrue();
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
    }

    @Test
    void aMoveCutOffByAStoppedNode_isSettledWhenThePlanCloses_fromWhereTheInstanceIs() {
        provision(1, 1, new Mobility(true, false));
        host(16);
        MigrationPlan proposed = plans.proposeDrain(drained.id(), "ada");
        plans.start(proposed.id(), "ada");
        // the node took the move and stopped before it ran it
        jdbc.sql("update migration_move set status = 'RUNNING' where plan_id = :plan").param("plan", proposed.id())
                .update();

        assertThat(plans.runNext(proposed.id(), 2)).isFalse();
        MigrationPlan closed = plans.finish(proposed.id());

        assertThat(closed.state()).isEqualTo(PlanState.INCOMPLETE);
        assertThat(closed.moves()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MoveStatus.FAILED);
            assertThat(m.reason()).startsWith("interrupted");
        });
        assertThat(hypervisor.list(drained.uri())).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DomainState.RUNNING));
    }

    @Test
    void cancellingARunningDrain_stopsAfterTheMovesInFlight_andTheHostTakesInstancesAgain() {
        provision(4, 1, new Mobility(true, false));
        host(16);
        MigrationPlan proposed = plans.proposeDrain(drained.id(), "ada");
        plans.start(proposed.id(), "ada");

        assertThat(plans.runNext(proposed.id(), 1)).isTrue();
        assertThat(plans.cancel(proposed.id(), "ada")).isTrue();
        assertThat(plans.runNext(proposed.id(), 1)).isFalse();

        MigrationPlan cancelled = plans.plan(proposed.id());
        assertThat(cancelled.state()).isEqualTo(PlanState.CANCELLED);
        assertThat(cancelled.count(MoveStatus.DONE)).isEqualTo(1);
        assertThat(cancelled.count(MoveStatus.SKIPPED)).isEqualTo(3);
        assertThat(hypervisor.list(drained.uri())).hasSize(3)
                .allSatisfy(d -> assertThat(d.state()).isEqualTo(DomainState.RUNNING));
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.ACTIVE);
    }

    @Test
    void aFailedHost_restartsItsHaInstancesElsewhereOnceFenced_andRunsNothingTwiceWhenItComesBack() {
        List<InstanceView> ha = provision(2, 1, new Mobility(true, true));
        List<InstanceView> waiting = provision(1, 1, new Mobility(true, false));
        HostView spare = host(16);
        pool.markDown(drained.id());

        assertThatThrownBy(() -> plans.proposeRestart(drained.id(), "ada"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fenced");
        assertThat(pool.fence(drained.id())).isTrue();
        MigrationPlan restart = plans.proposeRestart(drained.id(), "ada");

        assertThat(restart.count(MoveStatus.PLANNED)).isEqualTo(2);
        assertThat(restart.moves()).filteredOn(m -> m.status() == MoveStatus.BLOCKED).singleElement()
                .satisfies(m -> assertThat(m.reason()).contains("waits for its host"));
        plans.start(restart.id(), "ada");
        while (plans.runNext(restart.id(), 2)) {
            // restarts the HA instances
        }
        assertThat(plans.finish(restart.id()).state()).isEqualTo(PlanState.INCOMPLETE);
        assertThat(ha).allSatisfy(i -> {
            assertThat(hostOf(i)).isEqualTo(spare.id());
            assertThat(hypervisor.state(spare.uri(), i.id())).isEqualTo(DomainState.RUNNING);
        });
        assertThat(hostOf(waiting.get(0))).isEqualTo(drained.id());

        // the host was only cut off: its domains kept running, and it answers again
        assertThat(hypervisor.list(drained.uri())).hasSize(3);
        assertThat(pool.markAnswering(drained.id())).as("a fenced host does not simply become active").isFalse();
        assertThat(migrationsCleanUp()).isEqualTo(2);
        assertThat(pool.returnFromFencing(drained.id())).isTrue();

        assertThat(hypervisor.list(drained.uri())).singleElement()
                .satisfies(d -> assertThat(d.id()).isEqualTo(waiting.get(0).id()));
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.MAINTENANCE);
    }

    @Autowired
    MigrationService migrations;

    private int migrationsCleanUp() {
        return migrations.cleanUpReturnedHost(drained.id());
    }

    private long hostOf(InstanceView instance) {
        return instances.ofOrder(instance.orderKey()).stream().filter(i -> i.id().equals(instance.id()))
                .findFirst().orElseThrow().hostId();
    }

    private HostView host(int cpus) {
        return TestDriverHosts.register(pool, hostFiles, cpus, 65536, 1000, Set.of(tag));
    }

    private List<InstanceView> provision(int count, int vcpu, Mobility mobility) {
        ProvisionOrder order = new ProvisionOrder("plan-" + UUID.randomUUID(), 1, 1, "Plan test", "m", vcpu, 1024, 10,
                IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList(),
                new PlacementRules(Spread.NONE, false, Set.of(tag), null, 0), mobility);
        return instances.provision(order);
    }
}
