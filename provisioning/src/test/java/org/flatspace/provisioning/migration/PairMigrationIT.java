package org.flatspace.provisioning.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.flatspace.provisioning.health.HostHealthService;
import org.flatspace.provisioning.host.HostRegistration;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.LibvirtPair;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.Mobility;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Flatspace's own services on the two real QEMU hosts of {@code .mvn/libvirt-pair}: a running
 * instance live-migrates (and its pause is measured), a host is drained through a plan, and a
 * host whose libvirtd dies has its HA instance restarted on the other host once it is fenced,
 * without the instance running twice when the host comes back. virsh, a client Flatspace did not
 * write, says where each domain runs.
 */
@SpringBootTest
class PairMigrationIT {

    private static final Logger log = LoggerFactory.getLogger(PairMigrationIT.class);
    private static final String TAG = "libvirt-pair";

    @Autowired
    MigrationService migrations;
    @Autowired
    MigrationPlanService plans;
    @Autowired
    InstanceService instances;
    @Autowired
    PoolService pool;
    @Autowired
    HostHealthService health;

    private LibvirtPair pair;
    private HostView h1;
    private HostView h2;
    private final List<InstanceView> made = new java.util.ArrayList<>();

    @BeforeEach
    void thePairInThePool() throws Exception {
        pair = LibvirtPair.acquire();
        h1 = inPool(pair.h1());
        h2 = inPool(pair.h2());
    }

    @AfterEach
    void removeWhatTheTestMade() throws Exception {
        try {
            pair.startIfStopped();
            for (HostView host : List.of(h1, h2)) {
                pool.returnFromFencing(host.id());
                pool.markAnswering(host.id());
                pool.changeState(host.id(), HostState.MAINTENANCE, HostState.ACTIVE);
                pool.changeState(host.id(), HostState.DRAINING, HostState.ACTIVE);
            }
            made.forEach(i -> instances.decommission(i.id()));
        } finally {
            pair.close();
        }
    }

    @Test
    void aRunningInstance_movesLive_withAPauseOfMilliseconds() throws Exception {
        InstanceView vm = provision(1, Mobility.DEFAULT).get(0);
        HostView from = hostOf(vm);
        HostView to = from.id() == h1.id() ? h2 : h1;

        MoveResult there = migrations.move(vm.id(), to.id());
        log.info("Live migration {} -> {}: took {} ms, paused {}", from.name(), to.name(), there.took().toMillis(),
                there.downtime());

        assertThat(there.moved()).as(there.reason()).isTrue();
        assertThat(there.method()).isEqualTo(MoveMethod.LIVE);
        assertThat(there.downtime()).isNotNull();
        assertThat(there.downtime()).isPositive().isLessThan(Duration.ofSeconds(2));
        assertThat(runningOn(to)).contains(vm.id().toString());
        assertThat(runningOn(from)).doesNotContain(vm.id().toString());
        assertThat(hostOf(vm).id()).isEqualTo(to.id());

        MoveResult back = migrations.move(vm.id(), from.id());
        assertThat(back.moved()).isTrue();
        assertThat(runningOn(from)).contains(vm.id().toString());
    }

    @Test
    void drainingARealHost_movesItsInstancesLive_andPutsItInMaintenance() throws Exception {
        List<InstanceView> vms = provision(2, Mobility.DEFAULT);
        HostView drained = hostOf(vms.get(0));
        HostView other = drained.id() == h1.id() ? h2 : h1;

        MigrationPlan plan = plans.proposeDrain(drained.id(), "ada");
        assertThat(plan.moves()).allSatisfy(m -> {
            assertThat(m.toHostId()).isEqualTo(other.id());
            assertThat(m.method()).isEqualTo(MoveMethod.LIVE);
        });
        plans.start(plan.id(), "ada");
        while (plans.runNext(plan.id(), 2)) {
            // live migrations, two at a time
        }

        assertThat(plans.finish(plan.id()).state()).isEqualTo(PlanState.DONE);
        assertThat(pool.host(drained.id()).orElseThrow().state()).isEqualTo(HostState.MAINTENANCE);
        assertThat(runningOn(drained)).isEmpty();
        assertThat(runningOn(other)).contains(vms.get(0).id().toString(), vms.get(1).id().toString());
    }

    @Test
    void aHostWhoseDaemonDies_hasItsHaInstanceRestartedOnTheOther_onceFenced_andNothingRunsTwice() throws Exception {
        InstanceView vm = provision(1, new Mobility(true, true)).get(0);
        HostView failed = hostOf(vm);
        HostView other = failed.id() == h1.id() ? h2 : h1;
        LibvirtPair.Host failedHost = failed.id() == h1.id() ? pair.h1() : pair.h2();

        pair.kill(failedHost);
        for (int i = 0; i < 3; i++) {
            health.check(failed.id());
        }
        assertThat(pool.host(failed.id()).orElseThrow().state()).isEqualTo(HostState.DOWN);
        assertThat(runningOn(other)).as("nothing restarts before fencing").doesNotContain(vm.id().toString());

        assertThat(pool.fence(failed.id())).isTrue();
        MigrationPlan restart = plans.proposeRestart(failed.id(), "ada");
        plans.start(restart.id(), "ada");
        while (plans.runNext(restart.id(), 2)) {
            // restarts
        }
        assertThat(plans.finish(restart.id()).state()).isEqualTo(PlanState.DONE);
        assertThat(runningOn(other)).contains(vm.id().toString());

        // the daemon comes back and finds the old QEMU process still running: it must go
        pair.start();
        assertThat(runningOn(failed)).as("the old copy still runs until the health check cleans up")
                .contains(vm.id().toString());
        health.check(failed.id());

        assertThat(runningOn(failed)).doesNotContain(vm.id().toString());
        assertThat(runningOn(other)).contains(vm.id().toString());
        assertThat(pool.host(failed.id()).orElseThrow().state()).isEqualTo(HostState.MAINTENANCE);
    }

    private List<InstanceView> provision(int count, Mobility mobility) {
        List<InstanceView> vms = instances.provision(new ProvisionOrder("pair-" + UUID.randomUUID(), 1, 1, "Pair test",
                "tiny", 1, 64, 0, IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList(),
                new PlacementRules(Spread.NONE, false, Set.of(TAG), "QEMU", 0), mobility));
        made.addAll(vms);
        return vms;
    }

    private HostView hostOf(InstanceView vm) {
        long host = instances.ofOrder(vm.orderKey()).stream().filter(i -> i.id().equals(vm.id())).findFirst()
                .orElseThrow().hostId();
        return pool.host(host).orElseThrow();
    }

    /** The UUIDs of the domains virsh sees running on the host. */
    private String runningOn(HostView host) throws Exception {
        return pair.virsh(host.id() == h1.id() ? pair.h1() : pair.h2(), "list", "--uuid");
    }

    private HostView inPool(LibvirtPair.Host host) {
        return pool.hosts().stream().filter(h -> h.uri().equals(host.uri())).findFirst()
                .orElseGet(() -> pool.register(new HostRegistration("pair-" + host.name(), host.uri(),
                        HypervisorType.QEMU, 4, 4096, 100, 4.0, "fd-" + host.name(), 1.0, 1.0, null, Set.of(TAG))));
    }
}
