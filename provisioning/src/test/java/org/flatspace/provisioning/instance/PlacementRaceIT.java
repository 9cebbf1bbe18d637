package org.flatspace.provisioning.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostOverhead;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.Spread;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Many placements at once, each in its own transactions as on several portal nodes, against a
 * nearly full pool on MariaDB: no host may end up above its limits, and exactly as many instances
 * must run as the pool had room for.
 */
@SpringBootTest
class PlacementRaceIT {

    private static final int THREADS = 16;
    private static final int ORDERS_PER_THREAD = 4;

    @Autowired
    InstanceService instances;

    @Autowired
    PoolService pool;

    @Autowired
    Hypervisor hypervisor;

    @Test
    void concurrentPlacementsOnANearlyFullPool_neverOvercommit_andFillItExactly() throws Exception {
        // Host files outlive this class, so hosts it leaves in the shared database stay usable.
        Path dir = Files.createDirectories(Path.of("target", "race-hosts"));
        Set<String> raceTag = Set.of("race-" + UUID.randomUUID().toString().substring(0, 8));
        PlacementRules onRaceHosts = new PlacementRules(Spread.NONE, false, raceTag, null, 0);
        List<Long> hostIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hostIds.add(TestDriverHosts.register(pool, dir, 16, 65536, 1000, 1.5, new HostOverhead(2, 4096, 0), raceTag)
                    .id());
        }
        instances.provision(order(20, 3, onRaceHosts));
        int room = hostIds.stream().map(this::host).mapToInt(h -> (h.vcpuLimit() - h.allocVcpu()) / 2).sum();
        assertThat(room).as("the pool is nearly full before the race").isBetween(1, THREADS * ORDERS_PER_THREAD / 2);

        AtomicInteger placed = new AtomicInteger();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(threads.submit(() -> {
                start.await();
                for (int o = 0; o < ORDERS_PER_THREAD; o++) {
                    try {
                        instances.provision(order(1, 2, onRaceHosts));
                        placed.incrementAndGet();
                    } catch (ProvisioningFailedException e) {
                        refusals.add(e.getMessage());
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();

        assertThat(placed.get()).as("instances placed in the race").isEqualTo(room);
        assertThat(refusals).hasSize(THREADS * ORDERS_PER_THREAD - room)
                .allMatch(m -> m.startsWith("no room for the instances"), "refused for want of room, not for a race");
        for (long id : hostIds) {
            HostView host = host(id);
            assertThat(host.allocVcpu()).as("vCPU on %s", host.name()).isLessThanOrEqualTo(host.vcpuLimit());
            assertThat(host.allocMemoryMib()).as("memory on %s", host.name()).isLessThanOrEqualTo(host.memoryLimitMib());
            List<InstanceView> running = instances.onHost(id).stream()
                    .filter(i -> i.state() == InstanceState.RUNNING).toList();
            assertThat(host.allocVcpu()).as("allocation of %s matches its instances", host.name())
                    .isEqualTo(running.stream().mapToInt(InstanceView::vcpu).sum());
            assertThat(hypervisor.list(host.uri())).as("domains on %s", host.name()).hasSize(running.size());
        }
    }

    private HostView host(long id) {
        return pool.host(id).orElseThrow();
    }

    private static ProvisionOrder order(int count, int vcpu, PlacementRules rules) {
        List<UUID> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        return new ProvisionOrder("race-" + UUID.randomUUID(), 7, 7, "Race", "test", vcpu, 2048, 10, ids, rules);
    }
}
