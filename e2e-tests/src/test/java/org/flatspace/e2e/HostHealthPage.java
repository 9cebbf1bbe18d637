package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;

/** The administrators' host health: check the hosts, inspect and repair drift between database and hosts. */
final class HostHealthPage {

    private final Browser browser;

    HostHealthPage(Browser browser) {
        this.browser = browser;
    }

    HostHealthPage open() {
        browser.open("/admin/health");
        browser.waitFor(By.id("host-health"));
        browser.settle();
        return this;
    }

    /** Goes to the page's address without expecting to see it, as someone without the right would. */
    HostHealthPage visit() {
        browser.open("/admin/health");
        browser.settle();
        return this;
    }

    /** Whether the page shows the hosts' health (it does not to someone without the right). */
    boolean showsHosts() {
        return browser.has("host-health");
    }

    boolean offersCheck() {
        return browser.has("check-hosts");
    }

    HostHealthPage checkAllHosts() {
        browser.click(By.id("check-hosts"));
        browser.settle();
        return this;
    }

    /** Host | State | Failures | Last checked | Last answer | Last error | Capacity | ... per host. */
    List<String> hosts() {
        return browser.rows("host-health");
    }

    /** Compares the database with the hosts and shows the differences, changing nothing. */
    HostHealthPage inspect() {
        browser.click(By.id("inspect"));
        browser.scrollToBottomOf(By.id("drift"));
        return this;
    }

    /** Fixes what can be fixed safely and reports the rest. */
    HostHealthPage repair() {
        browser.click(By.id("reconcile"));
        browser.scrollToBottomOf(By.id("drift"));
        return this;
    }

    /** Kind | Instance | Host | Detail | Outcome per difference. */
    List<String> drift() {
        return browser.rows("drift");
    }

    String driftSummary() {
        return browser.driver().findElement(By.id("drift-summary")).getText();
    }
}
