package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin changes a team's quota; a limit below the team's use asks first and says what it means. */
class QuotaAdminIT extends PortalBrowserTest {

    @Autowired
    QuotaService quotas;

    @Autowired
    TeamService teams;

    @Test
    void adminSetsAQuotaBelowUse_afterConfirmingWhatItMeans() {
        long shop = teams.teamNamed("Web shop").orElseThrow().id();
        QuotaUsage before = quotas.usage(shop);
        String held = "e2e-" + UUID.randomUUID();
        Resources extra = Resources.of(2, 2, 2048, 20);
        // room for this test's own use, whatever other tests left running on the team
        quotas.raiseLimits(shop, extra);
        assertThat(quotas.reserve(shop, held, extra).granted()).isTrue();
        try {
            new LoginPage(browser).open().signInAs("admin", "flatspace");
            browser.open("/admin/quotas");
            browser.waitFor(By.id("quotas"));
            browser.settle();
            cellNamed("Web shop").click();
            browser.waitFor(By.id("save-quota"));
            type("quota-vcpu", "1");
            browser.driver().findElement(By.id("save-quota")).click();

            WebElement dialog = browser.waitFor(By.cssSelector("vaadin-confirm-dialog-overlay"));
            browser.snapshot("6-quota-below-use");
            assertThat(dialog.getText()).contains("vCPU (uses " + (before.allocated().vcpu()
                    + before.reserved().vcpu() + 4) + ")").contains("Nothing running is stopped");
            browser.driver().findElement(By.xpath("//vaadin-button[contains(., 'Set it anyway')]")).click();
            browser.settle();

            assertThat(quotas.usage(shop).limits()).isEqualTo(new Resources(1,
                    before.limits().memoryMib() + extra.memoryMib(), before.limits().diskGib() + extra.diskGib(),
                    before.limits().instances() + extra.instances()));
            int reserved = before.reserved().vcpu() + 4;
            assertThat(cells()).contains((before.allocated().vcpu() + reserved) + " / 1 (" + reserved + " reserved)");
        } finally {
            quotas.release(held);
            quotas.setLimits(shop, before.limits());
        }
    }

    private WebElement cellNamed(String text) {
        return browser.driver().findElements(By.cssSelector("#quotas vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(text)).findFirst().orElseThrow();
    }

    private List<String> cells() {
        return browser.driver().findElements(By.cssSelector("#quotas vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    private void type(String id, String value) {
        browser.driver().findElement(By.cssSelector("#" + id + " input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        browser.settle();
    }
}
