package org.flatspace.provisioning.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.flatspace.provisioning.rebalance.Goal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Rebalancing and consolidating a real (test-driver) pool through plans: the planner's moves are
 * proposed, run like any other plan, and leave every instance on exactly one host.
 */
@SpringBootTest
class RebalancePlanIT {

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

    private String tag;

    @BeforeEach
    void onlyThisTestsHostsTakePart() {
        // hosts other test classes left in the shared database have lost their files: out of the way
        pool.hosts().stream().filter(h -> h.state() == HostState.ACTIVE).forEach(h -> pool.markDown(h.id()));
        tag = "rebal-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSkewedPool_isEvenedOut_byMovesThatRunLikeAnyPlan() {
        HostView crowded = host();
        List<InstanceView> all = provision(6, new Mobility(true, false));
        HostView b = host();
        HostView c = host();

        MigrationPlan plan = plans.proposeRebalance(Goal.BALANCE, 10, Duration.ofSeconds(5), "ada");

        assertThat(plan.kind()).isEqualTo(PlanKind.BALANCE);
        assertThat(plan.state()).isEqualTo(PlanState.PROPOSED);
        assertThat(plan.moves()).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .allSatisfy(m -> {
                    assertThat(m.fromHostId()).isEqualTo(crowded.id());
                    assertThat(m.toHostId()).isIn(b.id(), c.id());
                });
        assertThat(plan.summary()).contains("moves: imbalance");

        plans.start(plan.id(), "ada");
        int finished = 0;
        boolean more;
        do {
            more = plans.runNext(plan.id(), 2);
            finished++;
            assertThat(plans.plan(plan.id()).moves()).as("one move at a time, in the planner's order")
                    .filteredOn(m -> m.status() != MoveStatus.PLANNED).hasSize(finished);
        } while (more);
        assertThat(plans.finish(plan.id()).state()).isEqualTo(PlanState.DONE);

        Map<Long, Long> perHost = all.stream().collect(Collectors.groupingBy(i -> hostOf(i), Collectors.counting()));
        assertThat(perHost.keySet()).containsExactlyInAnyOrder(crowded.id(), b.id(), c.id());
        assertThat(perHost.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
        assertRunEachOnExactlyOneHost(all, List.of(crowded, b, c));
    }

    @Test
    void aSparsePool_isConsolidated_andInstancesThatMayNotMoveLiveStay() {
        HostView a = host();
        HostView b = host();
        HostView d = host();
        List<InstanceView> movable = provision(3, new Mobility(true, false));
        List<InstanceView> pinned = provision(1, new Mobility(false, false));

        MigrationPlan plan = plans.proposeRebalance(Goal.CONSOLIDATE, 10, Duration.ofSeconds(5), "ada");

        assertThat(plan.kind()).isEqualTo(PlanKind.CONSOLIDATE);
        assertThat(plan.moves()).isNotEmpty()
                .noneMatch(m -> m.instanceId().equals(pinned.get(0).id()));
        plans.start(plan.id(), "ada");
        while (plans.runNext(plan.id(), 2)) {
            // one move at a time (a rebalance runs in its planner's order)
        }
        plans.finish(plan.id());

        List<InstanceView> all = new java.util.ArrayList<>(movable);
        all.addAll(pinned);
        long hostsUsed = all.stream().map(this::hostOf).distinct().count();
        assertThat(hostsUsed).as("the four instances fit on fewer hosts than they started on").isLessThan(3);
        assertRunEachOnExactlyOneHost(all, List.of(a, b, d));
    }

    @Test
    void aBalancedPool_needsNoMoves_andThePlanIsDoneAtOnce() {
        host();
        host();
        provision(2, new Mobility(true, false));

        MigrationPlan plan = plans.proposeRebalance(Goal.BALANCE, 10, Duration.ofSeconds(2), "ada");

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.state()).isEqualTo(PlanState.DONE);
        assertThat(plan.summary()).startsWith("nothing to move");
    }

    private void assertRunEachOnExactlyOneHost(List<InstanceView> all, List<HostView> hosts) {
        Map<Long, HostView> byId = hosts.stream().collect(Collectors.toMap(HostView::id, Function.identity()));
        for (InstanceView instance : all) {
            long host = hostOf(instance);
            assertThat(hosts).allSatisfy(h -> assertThat(hypervisor.state(h.uri(), instance.id()))
                    .isEqualTo(h.id() == host ? DomainState.RUNNING : DomainState.NOT_FOUND));
            assertThat(byId).containsKey(host);
        }
    }

    private long hostOf(InstanceView instance) {
        return instances.ofOrder(instance.orderKey()).stream().filter(i -> i.id().equals(instance.id())).findFirst()
                .orElseThrow().hostId();
    }

    private HostView host() {
        return TestDriverHosts.register(pool, hostFiles, 16, 16384, 1000, Set.of(tag));
    }

    private List<InstanceView> provision(int count, Mobility mobility) {
        return instances.provision(new ProvisionOrder("rebal-" + UUID.randomUUID(), 1, 1, "Rebalance test", "m", 2,
                2048, 10, IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList(),
                new PlacementRules(Spread.NONE, false, Set.of(tag), null, 0), mobility));
    }
}
