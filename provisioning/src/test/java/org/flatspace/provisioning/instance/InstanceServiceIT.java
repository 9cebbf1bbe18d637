package org.flatspace.provisioning.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class InstanceServiceIT {

    /** Hosts other test classes left in the shared database have no host file any more. */
    private static final Set<String> OWN_HOSTS = Set.of("it-" + UUID.randomUUID().toString().substring(0, 8));

    @TempDir
    static Path hostFiles;

    @Autowired
    InstanceService instances;

    @Autowired
    PoolService pool;

    @Autowired
    Hypervisor hypervisor;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void provisionedInstances_runOnTheirHostAndAreCountedThere() {
        HostView host = TestDriverHosts.register(pool, hostFiles, 64, 262144, 10000, OWN_HOSTS);
        ProvisionOrder order = order(2, 2, 4096);

        List<InstanceView> result = instances.provision(order);

        assertThat(result).hasSize(2).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(hypervisor.state(pool.host(i.hostId()).orElseThrow().uri(), i.id()))
                    .isEqualTo(DomainState.RUNNING);
            assertThat(instances.liveState(i.id())).isEqualTo(DomainState.RUNNING);
        });
        assertThat(result).extracting(InstanceView::name).allMatch(n -> n.startsWith("payroll-batch-"));
        long onNewHost = result.stream().filter(i -> i.hostId() == host.id()).count();
        HostView after = pool.host(host.id()).orElseThrow();
        assertThat(after.allocVcpu()).isEqualTo(onNewHost * 2);
    }

    @Test
    void provisioningTheSameOrderTwice_makesNoSecondVm() {
        TestDriverHosts.register(pool, hostFiles, 64, 262144, 10000, OWN_HOSTS);
        ProvisionOrder order = order(1, 1, 512);

        InstanceView first = instances.provision(order).get(0);
        InstanceView second = instances.provision(order).get(0);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.hostId()).isEqualTo(first.hostId());
        String uri = pool.host(first.hostId()).orElseThrow().uri();
        assertThat(hypervisor.list(uri)).filteredOn(d -> d.id().equals(first.id())).hasSize(1);
    }

    @Test
    void aCallerThatRollsBackAfterProvisioning_leavesTheInstancePlacedAndPending_andItsRetryRunsIt() {
        TestDriverHosts.register(pool, hostFiles, 64, 262144, 10000, OWN_HOSTS);
        ProvisionOrder order = order(1, 1, 512);

        InstanceView started = transactions.execute(tx -> {
            InstanceView view = instances.provision(order).get(0);
            tx.setRollbackOnly(); // the caller's job failed after provisioning
            return view;
        });

        InstanceView recorded = instances.ofOrder(order.orderKey()).get(0);
        assertThat(recorded.state()).isEqualTo(InstanceState.PENDING);
        assertThat(recorded.hostId()).isEqualTo(started.hostId());
        HostView host = pool.host(started.hostId()).orElseThrow();
        assertThat(hypervisor.state(host.uri(), started.id())).isEqualTo(DomainState.RUNNING);

        InstanceView retried = instances.provision(order).get(0);

        assertThat(retried.hostId()).isEqualTo(started.hostId());
        assertThat(instances.ofOrder(order.orderKey())).singleElement()
                .extracting(InstanceView::state).isEqualTo(InstanceState.RUNNING);
        assertThat(hypervisor.list(host.uri())).filteredOn(d -> d.id().equals(started.id())).hasSize(1);
        assertThat(pool.host(host.id()).orElseThrow().allocVcpu()).isEqualTo(host.allocVcpu());
    }

    @Test
    void anOrderTooBigForThePool_failsWithAReasonAndLeavesNothingBehind() {
        TestDriverHosts.register(pool, hostFiles, 4, 8192, 100, OWN_HOSTS);
        List<HostView> before = pool.hosts();
        ProvisionOrder order = order(3, 512, 1024);

        assertThatThrownBy(() -> instances.provision(order))
                .isInstanceOf(ProvisioningFailedException.class)
                .hasMessageStartingWith("no room for the instances: the pool has room for 0 of the 3");

        assertThat(instances.ofOrder(order.orderKey()))
                .hasSize(3)
                .allSatisfy(i -> {
                    assertThat(i.state()).isEqualTo(InstanceState.FAILED);
                    assertThat(i.hostId()).isNull();
                });
        assertThat(pool.hosts()).isEqualTo(before);
    }

    @Test
    void decommissioning_removesTheDomainAndFreesTheHost() {
        TestDriverHosts.register(pool, hostFiles, 64, 262144, 10000, OWN_HOSTS);
        InstanceView instance = instances.provision(order(1, 1, 512)).get(0);
        HostView on = pool.host(instance.hostId()).orElseThrow();
        int allocatedBefore = on.allocVcpu();

        instances.decommission(instance.id());
        instances.decommission(instance.id());

        assertThat(hypervisor.state(on.uri(), instance.id())).isEqualTo(DomainState.NOT_FOUND);
        assertThat(pool.host(on.id()).orElseThrow().allocVcpu()).isEqualTo(allocatedBefore - 1);
        assertThat(instances.ofOrder(instance.orderKey())).singleElement()
                .extracting(InstanceView::state).isEqualTo(InstanceState.DELETED);
    }

    private static ProvisionOrder order(int count, int vcpu, long memoryMib) {
        List<UUID> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        return new ProvisionOrder("order-" + UUID.randomUUID(), 1, 1, "Payroll batch", "test", vcpu, memoryMib, 10,
                ids, new PlacementRules(Spread.NONE, false, OWN_HOSTS, null, 0));
    }
}
