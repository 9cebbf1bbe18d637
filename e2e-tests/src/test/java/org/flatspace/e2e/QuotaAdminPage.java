package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;

/** Every team's quota for administrators; a limit below a team's use asks first. */
final class QuotaAdminPage {

    private final Browser browser;

    QuotaAdminPage(Browser browser) {
        this.browser = browser;
    }

    QuotaAdminPage open() {
        browser.open("/admin/quotas");
        browser.waitFor(By.id("quotas"));
        browser.settle();
        return this;
    }

    /** Opens the team's limits in the editor below the table, by a click on the team's name. */
    QuotaAdminPage edit(String team) {
        browser.driver().findElements(By.cssSelector("#quotas vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(team)).findFirst()
                .orElseThrow(() -> new AssertionError("No team " + team + " in " + cells())).click();
        browser.waitFor(By.id("save-quota"));
        return this;
    }

    QuotaAdminPage vcpu(int limit) {
        browser.type("quota-vcpu", String.valueOf(limit));
        return this;
    }

    /** Saves the limits; below the team's use, a confirmation opens first (see {@link #belowUseWarning()}). */
    QuotaAdminPage save() {
        browser.driver().findElement(By.id("save-quota")).click();
        return this;
    }

    /** The confirmation's text: which limits are below use and what that means. */
    String belowUseWarning() {
        return browser.confirmation();
    }

    QuotaAdminPage setItAnyway() {
        browser.answerConfirmation("Set it anyway");
        return this;
    }

    /** The table's cells: team, then per resource "used / limit" or "used / limit (n reserved)". */
    List<String> cells() {
        return browser.cells("quotas");
    }
}
