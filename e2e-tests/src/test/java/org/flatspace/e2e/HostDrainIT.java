package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator drains a demo host in the browser: the plan shows where each instance would
 * go before anything moves; after confirming, the page follows the moves until the host is in
 * maintenance and empty; leaving maintenance gives it back to placement. A requester who types the
 * host page's address sees nothing of it.
 */
class HostDrainIT extends PortalBrowserTest {

    private static final int RECENT_MOVES_SHOWN = 10;

    @Autowired
    InstanceService instances;
    @Autowired
    PoolService pool;
    @Autowired
    Hypervisor hypervisor;

    @Test
    void admin_drainsAHost_seesThePlanFirst_thenTheHostEmptyInMaintenance_andTakesItOut() {
        List<InstanceView> placed = instances.provision(new ProvisionOrder("e2e-drain-" + UUID.randomUUID(), 1, 1,
                "Drain test", "small", 1, 256, 1, IntStream.range(0, 2).mapToObj(i -> UUID.randomUUID()).toList()));
        HostView host = pool.host(placed.get(0).hostId()).orElseThrow();
        List<String> onHost = instances.onHost(host.id()).stream().map(InstanceView::name).toList();

        try {
            drainAndTakeOut(host, placed, onHost);
        } finally {
            // the other tests need every demo host active, also when this one fails half-way
            pool.changeState(host.id(), HostState.MAINTENANCE, HostState.ACTIVE);
            pool.changeState(host.id(), HostState.DRAINING, HostState.ACTIVE);
        }
    }

    private void drainAndTakeOut(HostView host, List<InstanceView> placed, List<String> onHost) {
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        HostPage page = new HostPage(browser).openFromList(host.name());
        assertThat(page.state()).startsWith("Active");
        assertThat(page.instances()).hasSize(onHost.size());

        page.click("drain");
        browser.snapshot("drain-1-plan");
        List<String> plan = page.plannedMoves();
        assertThat(plan).hasSize(onHost.size()).allSatisfy(row -> assertThat(row).contains("| cold | planned |"));
        assertThat(plan).allSatisfy(row -> assertThat(row).doesNotContain("| " + host.name() + " |"));
        assertThat(pool.host(host.id()).orElseThrow().state()).as("nothing happens before confirming")
                .isEqualTo(HostState.ACTIVE);

        page.click("confirm-drain").waitForState("In maintenance", Duration.ofSeconds(60));
        browser.snapshot("drain-2-maintenance");
        assertThat(page.instances()).isEmpty();
        // the page shows the host's ten most recent moves (older ones of other tests too): this drain's are
        // one per instance, as many as fit, all done
        assertThat(page.recentMoves()).filteredOn(row -> onHost.stream().anyMatch(row::startsWith))
                .hasSize(Math.min(onHost.size(), RECENT_MOVES_SHOWN))
                .allSatisfy(row -> assertThat(row).contains("| " + host.name() + " |").contains("| done |"));
        assertThat(hypervisor.list(host.uri())).isEmpty();
        placed.forEach(i -> assertThat(instances.liveState(i.id()).name()).isEqualTo("RUNNING"));

        page.click("leave-maintenance");
        assertThat(page.state()).startsWith("Active");
        browser.snapshot("drain-3-active");
    }

    @Test
    void requester_typingAHostsAddress_seesNothingOfIt() {
        HostView any = pool.hosts().get(0);
        new LoginPage(browser).open().signInAs("alice", "flatspace");

        new HostPage(browser).visit(any.id());

        assertThat(browser.text()).contains("Could not navigate").doesNotContain(any.name());
    }
}
