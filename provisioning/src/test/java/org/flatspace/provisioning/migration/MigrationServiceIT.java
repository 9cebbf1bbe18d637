package org.flatspace.provisioning.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.Mobility;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.instance.ProvisioningFailedException;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Moves between libvirt test-driver hosts (which move cold: the test driver cannot migrate), on
 * MariaDB, and the fault matrix: a failure at each phase of a move leaves the instance running on
 * exactly one host, and the database says which.
 */
@SpringBootTest
class MigrationServiceIT {

    @TempDir
    static Path hostFiles;

    @Autowired
    MigrationService migrations;
    @Autowired
    InstanceService instances;
    @Autowired
    InstanceRows rows;
    @Autowired
    PoolService pool;
    @Autowired
    Hypervisor hypervisor;
    @Autowired
    PlatformTransactionManager transactions;

    /** Only this test's hosts carry its tag, so its instances never land on other tests' hosts. */
    private String tag;
    private HostView source;
    private HostView target;
    private UUID instance;

    @BeforeEach
    void anInstanceOnTheSourceHost() {
        tag = "mig-" + UUID.randomUUID().toString().substring(0, 8);
        source = TestDriverHosts.register(pool, hostFiles, 16, 65536, 1000, Set.of(tag));
        instance = provision(2, 4096).get(0).id();
        target = TestDriverHosts.register(pool, hostFiles, 16, 65536, 1000, Set.of(tag));
    }

    @Test
    void aColdMove_runsTheInstanceOnTheTargetOnly_andMovesItsAllocation() {
        MoveResult result = migrations.move(instance, target.id());

        assertThat(result.moved()).as(result.reason()).isTrue();
        assertThat(result.method()).isEqualTo(MoveMethod.COLD);
        assertRunsOnlyOn(target);
        assertThat(pool.host(target.id()).orElseThrow().allocVcpu()).isEqualTo(2);
        assertThat(pool.host(source.id()).orElseThrow().allocVcpu()).isZero();
        assertThat(hypervisor.list(source.uri())).noneMatch(d -> d.id().equals(instance));
    }

    @Test
    void aMoveToAFullHost_isRefusedBeforeAnythingHappens() {
        HostView small = TestDriverHosts.register(pool, hostFiles, 1, 65536, 1000, Set.of(tag));

        MoveResult result = migrations.move(instance, small.id());

        assertThat(result.moved()).isFalse();
        assertThat(result.method()).isNull();
        assertThat(result.reason()).contains("no room");
        assertRunsOnlyOn(source);
        assertThat(pool.host(small.id()).orElseThrow().allocVcpu()).isZero();
    }

    @Test
    void aMoveToAHostInMaintenance_isRefused() {
        pool.changeState(target.id(), org.flatspace.provisioning.host.HostState.ACTIVE,
                org.flatspace.provisioning.host.HostState.MAINTENANCE);

        MoveResult result = migrations.move(instance, target.id());

        assertThat(result.moved()).isFalse();
        assertThat(result.reason()).isEqualTo("the target host is maintenance");
        assertRunsOnlyOn(source);
    }

    @Test
    void decommissioningAnInstanceWhileItMoves_waitsForTheMove() {
        assertThat(rows.claim(instance, source.id(), target.id())).isTrue();

        assertThatThrownBy(() -> instances.decommission(instance))
                .isInstanceOfSatisfying(ProvisioningFailedException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(hypervisor.state(source.uri(), instance)).isEqualTo(DomainState.RUNNING);

        rows.abandon(instance, target.id(), "test");
        instances.decommission(instance);
        assertThat(hypervisor.state(source.uri(), instance)).isEqualTo(DomainState.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(FaultyHypervisor.Phase.class)
    void aFailureAtAnyPhase_leavesTheInstanceOnExactlyOneHost_andTheDatabaseAgrees(FaultyHypervisor.Phase phase) {
        FaultyHypervisor faulty = new FaultyHypervisor(hypervisor, phase, source.uri(), target.uri());
        MigrationService withFault = new MigrationService(rows, pool, faulty, transactions);

        MoveResult result = withFault.move(instance, target.id());
        if (result.inDoubt()) {
            // the target did not answer: the instance keeps its host until the target answers again
            assertThat(rows.find(instance).orElseThrow().movingTo()).isEqualTo(target.id());
            faulty.heal();
            assertThat(withFault.resolveInFlight()).isZero();
        }

        HostView runsOn = switch (phase) {
            case SHUTDOWN_ON_SOURCE, DEFINE_ON_TARGET, START_ON_TARGET -> source;
            case UNDEFINE_ON_SOURCE, TARGET_LOST_AFTER_START -> target;
        };
        assertThat(result.inDoubt()).isEqualTo(phase == FaultyHypervisor.Phase.TARGET_LOST_AFTER_START);
        assertRunsOnlyOn(runsOn);
        HostView other = runsOn == source ? target : source;
        assertThat(pool.host(runsOn.id()).orElseThrow().allocVcpu()).isEqualTo(2);
        assertThat(pool.host(other.id()).orElseThrow().allocVcpu()).isZero();
    }

    /** Running on exactly this host of the two, as libvirt sees it; the database says the same. */
    private void assertRunsOnlyOn(HostView host) {
        HostView other = host.id() == source.id() ? target : source;
        assertThat(hypervisor.state(host.uri(), instance)).isEqualTo(DomainState.RUNNING);
        assertThat(hypervisor.state(other.uri(), instance)).isNotEqualTo(DomainState.RUNNING);
        MovableInstance row = rows.find(instance).orElseThrow();
        assertThat(row.hostId()).isEqualTo(host.id());
        assertThat(row.movingTo()).isNull();
        assertThat(instances.liveState(instance)).isEqualTo(DomainState.RUNNING);
    }

    private List<InstanceView> provision(int vcpu, long memoryMib) {
        ProvisionOrder order = new ProvisionOrder("mig-" + UUID.randomUUID(), 1, 1, "Migration test", "m", vcpu,
                memoryMib, 10, List.of(UUID.randomUUID()),
                new PlacementRules(Spread.NONE, false, Set.of(tag), null, 0), new Mobility(true, true));
        return instances.provision(order);
    }
}
