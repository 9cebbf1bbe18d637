package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator asks for a consolidation plan of the demo pool in the browser, sees its moves
 * before any happens, applies it, and follows it to the end; every instance still runs.
 */
class PoolPlansIT extends PortalBrowserTest {

    @Autowired
    InstanceService instances;

    @Test
    void admin_asksForAConsolidation_seesTheMovesFirst_andAppliesThem() {
        // instances spread over the demo hosts (placement spreads by default): something to pack
        List<InstanceView> spread = instances.provision(new ProvisionOrder("e2e-pack-" + UUID.randomUUID(), 1, 1,
                "Pack test", "small", 1, 256, 1, IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList()));

        new LoginPage(browser).open().signInAs("admin", "flatspace");
        PoolPlansPage plans = new PoolPlansPage(browser).open().askForConsolidation(Duration.ofSeconds(60));
        browser.snapshot("plans-1-proposed");
        assertThat(plans.waitingPlan())
                .startsWith("Consolidation plan").contains("moves: imbalance").contains("empty hosts");
        List<String> moves = plans.plannedMoves();
        assertThat(moves).isNotEmpty().allSatisfy(row -> assertThat(row).contains("| planned |"));

        plans.apply().waitForNewestPlan("Consolidation", "done", Duration.ofSeconds(60));
        browser.snapshot("plans-2-applied");
        assertThat(plans.recentPlans().get(0)).contains(moves.size() + " of " + moves.size() + " moves done");
        spread.forEach(i -> assertThat(instances.liveState(i.id()).name()).isEqualTo("RUNNING"));
    }
}
