package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The managers' and admins' inbox. */
final class ApprovalsPage {

    private final Browser browser;

    ApprovalsPage(Browser browser) {
        this.browser = browser;
    }

    ApprovalsPage open() {
        browser.open("/approvals");
        browser.waitFor(By.id("approvals"));
        browser.settle();
        return this;
    }

    List<String> cells() {
        return browser.driver().findElements(By.cssSelector("#approvals vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /** Opens the decision on the row whose first cell is the request number. */
    ApprovalsPage select(long requestId) {
        browser.driver().findElements(By.cssSelector("#approvals vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(String.valueOf(requestId))).findFirst().orElseThrow().click();
        browser.waitFor(By.id("approve"));
        return this;
    }

    void approve(String comment) {
        browser.driver().findElement(By.cssSelector("#decision-comment textarea")).sendKeys(comment, Keys.TAB);
        browser.settle();
        browser.driver().findElement(By.id("approve")).click();
        browser.settle();
    }
}
