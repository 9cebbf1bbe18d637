package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The administrators' audit log: filters over a lazily loaded grid. */
final class AuditLogPage {

    private final Browser browser;

    AuditLogPage(Browser browser) {
        this.browser = browser;
    }

    AuditLogPage open() {
        browser.open("/admin/audit");
        browser.waitFor(By.id("audit-log"));
        browser.settle();
        return this;
    }

    /** Goes to the page's address without expecting to see it, as someone without the right would. */
    AuditLogPage visit() {
        browser.open("/admin/audit");
        browser.settle();
        return this;
    }

    /** Whether the page shows the log (it does not to someone without the right). */
    boolean isShown() {
        return browser.has("audit-log");
    }

    /** Usernames starting with this. */
    AuditLogPage who(String prefix) {
        type("audit-who", prefix);
        browser.afterLazyInput();
        return this;
    }

    /** Action codes starting with this (typed: it need not be in the list yet). */
    AuditLogPage action(String prefix) {
        type("audit-action", prefix);
        browser.driver().findElement(By.cssSelector("#audit-action input")).sendKeys(Keys.ENTER);
        browser.settle();
        return this;
    }

    /** The visible entries: When | Who | Team | Action | Object | Outcome | Detail. */
    List<String> rows() {
        return browser.rows("audit-log");
    }

    String total() {
        return browser.driver().findElement(By.id("audit-total")).getText();
    }

    private AuditLogPage type(String id, String value) {
        browser.driver().findElement(By.cssSelector("#" + id + " input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        browser.settle();
        return this;
    }
}
