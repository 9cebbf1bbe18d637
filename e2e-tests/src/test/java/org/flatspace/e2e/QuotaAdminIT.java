package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.junit.jupiter.api.Test;
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
            QuotaAdminPage page = new QuotaAdminPage(browser).open().edit("Web shop").vcpu(1).save();

            String warning = page.belowUseWarning();
            browser.snapshot("6-quota-below-use");
            assertThat(warning).contains("vCPU (uses " + (before.allocated().vcpu()
                    + before.reserved().vcpu() + 4) + ")").contains("Nothing running is stopped");
            page.setItAnyway();

            assertThat(quotas.usage(shop).limits()).isEqualTo(new Resources(1,
                    before.limits().memoryMib() + extra.memoryMib(), before.limits().diskGib() + extra.diskGib(),
                    before.limits().instances() + extra.instances()));
            int reserved = before.reserved().vcpu() + 4;
            assertThat(page.cells())
                    .contains((before.allocated().vcpu() + reserved) + " / 1 (" + reserved + " reserved)");
        } finally {
            quotas.release(held);
            quotas.setLimits(shop, before.limits());
        }
    }
}
