package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** "Could the pool take this now?" for administrators: placement answers, allocating nothing. */
final class WhatIfPage {

    private final Browser browser;

    WhatIfPage(Browser browser) {
        this.browser = browser;
    }

    WhatIfPage open() {
        browser.open("/admin/what-if");
        browser.waitFor(By.id("what-if-ask"));
        browser.settle();
        return this;
    }

    /** Asks about this many instances of a size for a service tier. */
    WhatIfPage ask(int count, String size, String tier) {
        browser.type("what-if-count", String.valueOf(count));
        choose("what-if-size", size);
        choose("what-if-tier", tier);
        browser.click(By.id("what-if-ask"));
        browser.settle();
        return this;
    }

    /** The answer in words: "Yes: the pool can take ..." or "No: ...". */
    String answer() {
        return browser.driver().findElement(By.id("what-if-answer")).getText();
    }

    /** Where the instances would go, when they fit: Host | Instances it would take. Empty when hidden. */
    List<String> hosts() {
        return browser.driver().findElement(By.id("what-if-hosts")).isDisplayed() ? browser.rows("what-if-hosts")
                : List.of();
    }

    /** The message beside a field, or null while it is valid. */
    String errorOf(String fieldId) {
        return browser.errorOf(fieldId);
    }

    /** Replaces what a combo box shows by the text and picks the first item whose label starts with it. */
    private void choose(String id, String label) {
        WebElement input = browser.driver().findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        browser.waitFor(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), '" + label + "')]"))
                .click();
        browser.settle();
    }
}
