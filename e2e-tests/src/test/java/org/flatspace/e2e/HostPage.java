package org.flatspace.e2e;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One host's page for administrators: drain, follow the moves, leave maintenance. */
final class HostPage {

    private final Browser browser;

    HostPage(Browser browser) {
        this.browser = browser;
    }

    /** From the host list, by the host's name. */
    HostPage openFromList(String hostName) {
        new HostsPage(browser).open();
        browser.waitFor(By.id("host-" + hostName));
        browser.click(By.id("host-" + hostName));
        browser.waitFor(By.id("host-state"));
        browser.settle();
        return this;
    }

    /** A host by its id, as a bookmark would open it. */
    HostPage open(long hostId) {
        browser.open("/admin/hosts/" + hostId);
        browser.waitFor(By.id("host-state"));
        browser.settle();
        return this;
    }

    /** Goes to a host's address without expecting to see it, as someone without the right would. */
    HostPage visit(long hostId) {
        browser.open("/admin/hosts/" + hostId);
        browser.settle();
        return this;
    }

    String state() {
        return browser.driver().findElement(By.id("host-state")).getText();
    }

    HostPage click(String buttonId) {
        browser.waitFor(By.id(buttonId));
        browser.click(By.id(buttonId));
        browser.settle();
        return this;
    }

    /** What the page says about a host that does not answer. */
    String downWarning() {
        return browser.waitFor(By.id("host-down")).getText();
    }

    /** The confirmation a button asked for, e.g. that the host is off. */
    String confirmation() {
        return browser.confirmation();
    }

    HostPage answerConfirmation(String buttonText) {
        browser.answerConfirmation(buttonText);
        return this;
    }

    List<String> plannedMoves() {
        browser.waitFor(By.id("plan-moves"));
        return browser.rows("plan-moves");
    }

    List<String> recentMoves() {
        return browser.rows("recent-moves");
    }

    List<String> instances() {
        return browser.rows("host-instances");
    }

    /** The page refreshes itself while the plan runs. */
    HostPage waitForState(String prefix, Duration timeout) {
        new WebDriverWait(browser.driver(), timeout).until(d -> state().startsWith(prefix));
        browser.settle();
        return this;
    }
}
