package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;

/** The signed-in person's notifications, newest first; opening the page marks them read. */
final class NotificationsPage {

    private final Browser browser;

    NotificationsPage(Browser browser) {
        this.browser = browser;
    }

    NotificationsPage open() {
        browser.open("/notifications");
        browser.waitFor(By.id("notifications"));
        browser.settle();
        return this;
    }

    /** When | What (an unread one starts with "●") | Detail. */
    List<String> rows() {
        return browser.rows("notifications");
    }

    /** The rows about one request: their subject starts "Request <id> (". */
    List<String> about(long requestId) {
        return rows().stream().filter(row -> row.contains("Request " + requestId + " (")).toList();
    }
}
