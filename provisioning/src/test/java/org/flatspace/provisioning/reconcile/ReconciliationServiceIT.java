package org.flatspace.provisioning.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainKind;
import org.flatspace.provisioning.hypervisor.DomainSpec;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Each kind of drift made by hand on test-driver hosts behind the database's back, then found by
 * reconciliation; the safe ones repaired and the others left as they were.
 */
@SpringBootTest
class ReconciliationServiceIT {

    @TempDir
    Path dir;

    @Autowired
    ReconciliationService reconciliation;

    @Autowired
    InstanceService instances;

    @Autowired
    PoolService pool;

    @Autowired
    Hypervisor hypervisor;

    private String tag;
    private HostView hostA;
    private HostView hostB;

    @BeforeEach
    void twoHostsOfThisTestOnly() {
        tag = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        hostA = TestDriverHosts.register(pool, dir, 16, 65536, 1000, Set.of(tag));
        hostB = TestDriverHosts.register(pool, dir, 16, 65536, 1000, Set.of(tag));
    }

    @Test
    void shutOffDomainOfARunningInstance_isFoundAndStartedAgain() {
        InstanceView instance = provision(1).get(0);
        String uri = uriOf(instance);
        hypervisor.shutdown(uri, instance.id(), Duration.ofSeconds(1));

        List<Drift> found = mine(reconciliation.inspect(), instance.id());
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.WRONG_STATE);
            assertThat(d.detail()).contains("SHUT_OFF");
            assertThat(d.fixed()).isFalse();
        });
        assertThat(hypervisor.state(uri, instance.id())).as("inspect changes nothing").isEqualTo(DomainState.SHUT_OFF);

        assertThat(mine(reconciliation.reconcile(), instance.id())).singleElement()
                .satisfies(d -> assertThat(d.fixed()).isTrue());
        assertThat(hypervisor.state(uri, instance.id())).isEqualTo(DomainState.RUNNING);
        assertThat(mine(reconciliation.inspect(), instance.id())).isEmpty();
    }

    @Test
    void vanishedDomainOfARunningInstance_isDefinedAndStartedAgainOnItsHost() {
        InstanceView instance = provision(1).get(0);
        String uri = uriOf(instance);
        hypervisor.destroyAndUndefine(uri, instance.id());

        List<Drift> fixed = mine(reconciliation.reconcile(), instance.id());

        assertThat(fixed).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.MISSING_DOMAIN);
            assertThat(d.host()).isEqualTo(instance.hostName());
            assertThat(d.fixed()).isTrue();
        });
        assertThat(hypervisor.state(uri, instance.id())).isEqualTo(DomainState.RUNNING);
        assertThat(hypervisor.list(uri)).filteredOn(d -> d.id().equals(instance.id()))
                .singleElement().satisfies(d -> assertThat(d.name()).isEqualTo(instance.name()));
        assertThat(mine(reconciliation.reconcile(), instance.id())).as("a second run finds nothing").isEmpty();
    }

    @Test
    void domainTheDatabaseDoesNotKnow_isReportedAndLeftRunning() {
        DomainSpec stranger = new DomainSpec(UUID.randomUUID(), "someone-elses-vm", null, DomainKind.TEST, 1, 64);
        hypervisor.defineAndStart(hostA.uri(), stranger);

        List<Drift> found = mine(reconciliation.reconcile(), stranger.id());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.UNKNOWN_DOMAIN);
            assertThat(d.host()).isEqualTo(hostA.name());
            assertThat(d.detail()).contains("someone-elses-vm");
            assertThat(d.fixed()).isFalse();
        });
        assertThat(hypervisor.state(hostA.uri(), stranger.id())).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void domainOnAnotherHostThanTheDatabaseSays_isReportedAndNotDuplicated() {
        InstanceView instance = provision(1).get(0);
        String own = uriOf(instance);
        HostView other = instance.hostId() == hostA.id() ? hostB : hostA;
        hypervisor.destroyAndUndefine(own, instance.id());
        hypervisor.defineAndStart(other.uri(), new DomainSpec(instance.id(), instance.name(), null, DomainKind.TEST,
                instance.vcpu(), instance.memoryMib()));

        List<Drift> found = mine(reconciliation.reconcile(), instance.id());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.WRONG_HOST);
            assertThat(d.host()).isEqualTo(other.name());
            assertThat(d.otherHost()).isEqualTo(instance.hostName());
            assertThat(d.fixed()).isFalse();
        });
        assertThat(hypervisor.state(own, instance.id())).as("not started a second time").isEqualTo(DomainState.NOT_FOUND);
        assertThat(hypervisor.state(other.uri(), instance.id())).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void hostThatDoesNotAnswer_isReportedAndItsInstancesAreNotCalledMissing() {
        TestDriverHosts.register(pool, dir, 4, 4096, 10, Set.of(tag + "-gone"));
        HostView gone = pool.hosts().stream().filter(h -> h.tags().contains(tag + "-gone")).findFirst().orElseThrow();
        dir.resolve(gone.name() + ".xml").toFile().delete();

        ReconciliationReport report = reconciliation.inspect();

        assertThat(report.of(DriftKind.HOST_UNREACHABLE)).extracting(Drift::host).contains(gone.name());
    }

    @Test
    void agreeingHosts_giveNoDriftForTheirInstances() {
        List<InstanceView> running = provision(3);

        ReconciliationReport report = reconciliation.reconcile();

        running.forEach(i -> assertThat(mine(report, i.id())).isEmpty());
        assertThat(report.hostsCompared()).isGreaterThanOrEqualTo(2);
    }

    private List<InstanceView> provision(int count) {
        List<UUID> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        ProvisionOrder order = new ProvisionOrder("rec-" + UUID.randomUUID(), 1, 1, "Reconcile me", "small", 1, 64,
                1, ids, new PlacementRules(Spread.NONE, false, Set.of(tag), null, 0));
        return instances.provision(order);
    }

    private String uriOf(InstanceView instance) {
        return pool.host(instance.hostId()).orElseThrow().uri();
    }

    private static List<Drift> mine(ReconciliationReport report, UUID id) {
        return report.drifts().stream().filter(d -> id.equals(d.domainId())).toList();
    }
}
