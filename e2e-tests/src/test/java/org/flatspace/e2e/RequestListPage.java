package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The team's requests, newest first (the start page). */
final class RequestListPage {

    private final Browser browser;

    RequestListPage(Browser browser) {
        this.browser = browser;
    }

    RequestListPage open() {
        browser.open("/");
        browser.waitFor(By.id("requests"));
        browser.settle();
        return this;
    }

    /** The loaded rows: # | Business function | Capacity | Lease ends | Status | Requested by | Submitted. */
    List<String> rows() {
        return browser.rows("requests");
    }

    /** Follows the link of the request's number to its page. */
    RequestPage select(long requestId) {
        WebElement link = browser.driver().findElements(By.cssSelector("#requests vaadin-grid-cell-content a"))
                .stream().filter(a -> a.getText().equals(String.valueOf(requestId))).findFirst()
                .orElseThrow(() -> new AssertionError("No link to request " + requestId + " in " + rows()));
        link.click();
        browser.waitFor(By.id("request-status"));
        browser.settle();
        return new RequestPage(browser);
    }
}
