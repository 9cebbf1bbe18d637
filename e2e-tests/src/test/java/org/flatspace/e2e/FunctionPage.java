package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;

/** One business function's page: its tier, what runs for it now, its requests. */
final class FunctionPage {

    private final Browser browser;

    FunctionPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the page as someone typing its address would. */
    FunctionPage open(long functionId) {
        browser.open("/functions/" + functionId);
        browser.waitFor(By.cssSelector("#function-title, #not-found"));
        browser.settle();
        return this;
    }

    /** "Business function Payroll batch", or null when the page reads "not found". */
    String title() {
        return browser.has("function-title") ? browser.driver().findElement(By.id("function-title")).getText() : null;
    }

    boolean readsNotFound() {
        return browser.has("not-found");
    }

    /** The running instances: Instance | Size | State | Request | Lease ends. */
    List<String> instances() {
        return browser.rows("function-instances");
    }

    /** The function's requests, newest first: # | Status | Capacity | Lease ends | Requested by. */
    List<String> requests() {
        return browser.rows("function-requests");
    }
}
