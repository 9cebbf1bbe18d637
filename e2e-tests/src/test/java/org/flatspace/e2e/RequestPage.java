package org.flatspace.e2e;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One request: status, instances, timeline. */
final class RequestPage {

    private final Browser browser;

    RequestPage(Browser browser) {
        this.browser = browser;
    }

    /** A request by its number, as a bookmark would open it. */
    RequestPage open(long requestId) {
        browser.open("/requests/" + requestId);
        browser.waitFor(By.id("request-status"));
        return this;
    }

    /** The request's number, from the page's address. */
    long id() {
        return Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/requests/", ""));
    }

    String status() {
        return browser.driver().findElement(By.id("request-status")).getText();
    }

    /** The page refreshes itself; waits until the status starts with the text. */
    RequestPage waitForStatus(String prefix, Duration timeout) {
        new WebDriverWait(browser.driver(), timeout).until(d -> status().startsWith(prefix));
        return this;
    }

    /** For a request over quota: asks the team's manager for more quota, saying why. */
    RequestPage askForQuotaIncrease(String reason) {
        browser.driver().findElement(By.cssSelector("#increase-reason input")).sendKeys(reason, Keys.TAB);
        browser.settle();
        browser.driver().findElement(By.id("ask-quota")).click();
        browser.settle();
        return this;
    }

    /** Texts of the instance grid's cells, row by row: name, size, state. */
    List<String> instanceCells() {
        return browser.driver().findElements(By.cssSelector("#instances vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }
}
