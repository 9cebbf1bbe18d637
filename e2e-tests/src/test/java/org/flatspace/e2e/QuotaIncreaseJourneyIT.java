package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Over quota in the browser: a requester asks for more than the team may have, sees the shortfall,
 * asks for a quota increase; the team's manager forwards it, an admin grants it, the manager then
 * approves the request itself (the policy wants a manager for 25 vCPU), and the capacity runs.
 */
class QuotaIncreaseJourneyIT extends PortalBrowserTest {

    @Test
    void overQuotaRequest_getsItsQuotaIncrease_andRuns() {
        new LoginPage(browser).open().signInAs("wendy", "flatspace");
        RequestCapacityPage form = new RequestCapacityPage(browser).open()
                .function("Shop search").size("small").count(25).reason("Black Friday search traffic");
        // the form's preview says so before anything is submitted
        assertThat(form.quotaVerdict()).startsWith("Over your team's quota").contains("Instances: needs 25, 24 free");
        RequestPage request = form.submit().waitForStatus("Over quota", Duration.ofSeconds(20));
        long requestId = request.id();
        assertThat(request.status()).contains("needs 25 instances; the team has 24 free");
        request.askForQuotaIncrease("one more instance for the sale");
        browser.snapshot("7-over-quota-asked");
        assertThat(browser.text()).contains("Quota increase asked");

        decideAs("mike", requestId, "forwarded for the sale");
        decideAs("admin", requestId, "granted until January");
        decideAs("mike", requestId, "go ahead");

        switchTo("wendy");
        new RequestPage(browser).open(requestId).waitForStatus("Active", Duration.ofSeconds(90));
        assertThat(browser.text()).contains("Quota increased").contains("approved by mike: go ahead");
    }

    private void decideAs(String username, long requestId, String comment) {
        switchTo(username);
        new ApprovalsPage(browser).open().select(requestId).approve(comment);
    }

    private void switchTo(String username) {
        browser.driver().manage().deleteAllCookies();
        new LoginPage(browser).open().signInAs(username, "flatspace");
    }
}
