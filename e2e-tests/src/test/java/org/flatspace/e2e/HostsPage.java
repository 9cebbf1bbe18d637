package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The administrators' host list. */
final class HostsPage {

    private final Browser browser;

    HostsPage(Browser browser) {
        this.browser = browser;
    }

    HostsPage open() {
        browser.open("/admin/hosts");
        browser.waitFor(By.id("hosts"));
        browser.settle();
        return this;
    }

    List<String> cells() {
        return browser.driver().findElements(By.cssSelector("#hosts vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }
}
