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

    String state() {
        return browser.driver().findElement(By.id("host-state")).getText();
    }

    HostPage click(String buttonId) {
        browser.waitFor(By.id(buttonId));
        browser.click(By.id(buttonId));
        browser.settle();
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
