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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
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
        browser.open("/admin/plans");
        browser.waitFor(By.id("plan-consolidate")).click();
        browser.settle();
        browser.waitFor(By.id("waiting-plan"), Duration.ofSeconds(60));
        browser.settle();
        browser.snapshot("plans-1-proposed");
        assertThat(browser.driver().findElement(By.id("waiting-plan")).getText())
                .startsWith("Consolidation plan").contains("moves: imbalance").contains("empty hosts");
        List<String> moves = browser.rows("plan-moves");
        assertThat(moves).isNotEmpty().allSatisfy(row -> assertThat(row).contains("| planned |"));

        browser.driver().findElement(By.id("apply-plan")).click();
        browser.settle();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            List<String> rows = browser.rows("recent-plans");
            return !rows.isEmpty() && rows.get(0).contains("| Consolidation |") && rows.get(0).contains("| done |");
        });
        browser.snapshot("plans-2-applied");
        assertThat(browser.rows("recent-plans").get(0)).contains(moves.size() + " of " + moves.size() + " moves done");
        spread.forEach(i -> assertThat(instances.liveState(i.id()).name()).isEqualTo("RUNNING"));
    }
}
