package org.flatspace.e2e;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The administrators' pool plans: ask for a plan, see its moves before any happens, apply it, follow it. */
final class PoolPlansPage {

    private final Browser browser;

    PoolPlansPage(Browser browser) {
        this.browser = browser;
    }

    PoolPlansPage open() {
        browser.open("/admin/plans");
        browser.waitFor(By.id("plan-consolidate"));
        return this;
    }

    /** Asks for a consolidation plan and waits until it waits for a decision. */
    PoolPlansPage askForConsolidation(Duration timeout) {
        browser.waitFor(By.id("plan-consolidate")).click();
        browser.settle();
        browser.waitFor(By.id("waiting-plan"), timeout);
        browser.settle();
        return this;
    }

    /** The summary of the plan that waits for a decision. */
    String waitingPlan() {
        return browser.driver().findElement(By.id("waiting-plan")).getText();
    }

    /** The waiting plan's moves, each row's cells joined by " | ". */
    List<String> plannedMoves() {
        return browser.rows("plan-moves");
    }

    PoolPlansPage apply() {
        browser.driver().findElement(By.id("apply-plan")).click();
        browser.settle();
        return this;
    }

    /** The recent plans, newest first: # | Kind | Host | State | Asked by | When | Moves. */
    List<String> recentPlans() {
        return browser.rows("recent-plans");
    }

    /** The page refreshes itself while a plan runs; waits until the newest plan is of this kind and state. */
    PoolPlansPage waitForNewestPlan(String kind, String state, Duration timeout) {
        new WebDriverWait(browser.driver(), timeout).until(d -> {
            List<String> rows = recentPlans();
            return !rows.isEmpty() && rows.get(0).contains("| " + kind + " |")
                    && rows.get(0).contains("| " + state + " |");
        });
        return this;
    }
}
