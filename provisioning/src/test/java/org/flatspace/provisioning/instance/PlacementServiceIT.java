package org.flatspace.provisioning.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostOverhead;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.placement.Cause;
import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.PlacementResult;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Rejection;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Placement against the pool in MariaDB: rules that count what already runs, and what-if. */
@SpringBootTest
class PlacementServiceIT {

    @Autowired
    PlacementService placements;

    @Autowired
    InstanceService instances;

    @Autowired
    PoolService pool;

    Set<String> ownHosts;
    HostView big;
    HostView small1;
    HostView small2;

    @BeforeEach
    void threeFaultDomains_oneHostMuchBiggerThanTheOthers() throws Exception {
        // Host files outlive this class, so hosts it leaves in the shared database stay usable.
        Path dir = Files.createDirectories(Path.of("target", "placement-hosts"));
        ownHosts = Set.of("ps-" + UUID.randomUUID().toString().substring(0, 8));
        big = TestDriverHosts.register(pool, dir, 64, 262144, 10000, ownHosts);
        small1 = TestDriverHosts.register(pool, dir, 8, 32768, 1000, ownHosts);
        small2 = TestDriverHosts.register(pool, dir, 8, 32768, 1000, ownHosts);
    }

    @Test
    void hardSpread_countsTheFunctionsRunningInstances_acrossOrders() {
        long function = 4000 + (long) (Math.random() * 1_000_000);
        PlacementRules gold = new PlacementRules(Spread.HARD, false, ownHosts, null, 0);

        instances.provision(order(function, 3, gold));
        instances.provision(order(function, 3, gold));

        Map<Long, Long> perHost = List.of(big, small1, small2).stream().collect(Collectors.toMap(HostView::id,
                h -> instances.onHost(h.id()).stream().filter(i -> i.state() == InstanceState.RUNNING).count()));
        assertThat(perHost).containsOnly(Map.entry(big.id(), 2L), Map.entry(small1.id(), 2L),
                Map.entry(small2.id(), 2L));
    }

    @Test
    void withoutSpread_theLeastLoadedHostTakesMost() {
        PlacementRules anywhere = new PlacementRules(Spread.NONE, false, ownHosts, null, 0);

        PlacementResult plan = placements.plan(1, List.of(new Demand(2, 4096, 10), new Demand(2, 4096, 10),
                new Demand(2, 4096, 10)), anywhere);

        assertThat(((PlacementResult.Placed) plan).hostIds()).containsOnly(big.id());
    }

    @Test
    void whatIf_explainsWithoutAllocating() {
        List<HostView> before = pool.hosts();
        PlacementRules needsOwnHosts = new PlacementRules(Spread.NONE, false, ownHosts, null, 0);

        PlacementResult answer = placements.whatIf(20, new Demand(8, 65536, 100), needsOwnHosts);

        PlacementResult.NoFit noFit = (PlacementResult.NoFit) answer;
        assertThat(noFit.placeable()).isEqualTo(4);
        assertThat(noFit.rejections()).filteredOn(r -> r.cause() == Cause.SHORT_OF_MEMORY)
                .extracting(Rejection::hosts).containsExactly(3);
        assertThat(noFit.explain()).contains("3 hosts lack 64 GiB memory");
        assertThat(noFit.summary()).startsWith("the pool has room for 4 of the 20 instances right now")
                .doesNotContain(big.name(), small1.name(), small2.name());
        assertThat(pool.hosts()).isEqualTo(before);
    }

    @Test
    void reservedOverheadAndOvercommit_setWhatAHostMayHandOut() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "placement-hosts"));
        Set<String> tag = Set.of("oc-" + UUID.randomUUID().toString().substring(0, 8));
        HostView host = TestDriverHosts.register(pool, dir, 16, 65536, 1000, 2.0, new HostOverhead(4, 8192, 0), tag);
        PlacementRules onIt = new PlacementRules(Spread.NONE, false, tag, null, 0);

        assertThat(host.vcpuLimit()).isEqualTo(24);
        assertThat(placements.whatIf(12, new Demand(2, 1024, 1), onIt)).isInstanceOf(PlacementResult.Placed.class);
        assertThat(placements.whatIf(13, new Demand(2, 1024, 1), onIt)).isInstanceOf(PlacementResult.NoFit.class);
        instances.provision(order(1, 12, onIt, 2));

        assertThat(pool.host(host.id()).orElseThrow().allocVcpu()).isEqualTo(24);
    }

    private static ProvisionOrder order(long function, int count, PlacementRules rules) {
        return order(function, count, rules, 2);
    }

    private static ProvisionOrder order(long function, int count, PlacementRules rules, int vcpu) {
        List<UUID> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        return new ProvisionOrder("ps-" + UUID.randomUUID(), 1, function, "Placement", "test", vcpu, 1024, 1, ids,
                rules);
    }
}
