package org.flatspace.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The "Request capacity" form. */
final class RequestCapacityPage {

    private final Browser browser;

    RequestCapacityPage(Browser browser) {
        this.browser = browser;
    }

    RequestCapacityPage open() {
        browser.open("/request");
        browser.waitFor(By.id("submit"));
        return this;
    }

    RequestCapacityPage function(String name) {
        choose("function", name);
        return this;
    }

    RequestCapacityPage size(String name) {
        choose("size", name);
        return this;
    }

    RequestCapacityPage count(int count) {
        WebElement input = browser.driver().findElement(By.cssSelector("#count input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(count), Keys.TAB);
        return this;
    }

    RequestCapacityPage reason(String reason) {
        browser.driver().findElement(By.cssSelector("#reason textarea")).sendKeys(reason, Keys.TAB);
        return this;
    }

    RequestPage submit() {
        browser.settle();
        browser.driver().findElement(By.id("submit")).click();
        browser.waitFor(By.id("request-status"));
        return new RequestPage(browser);
    }

    /** The lease end the form proposes, as the browser's locale writes a date. */
    String leaseEnd() {
        return browser.driver().findElement(By.cssSelector("#lease-end input")).getDomProperty("value");
    }

    /** The request's page, once a submit (by click or keyboard) has led there. */
    RequestPage submitted() {
        browser.waitFor(By.id("request-status"));
        return new RequestPage(browser);
    }

    /** The live preview's verdict: within the team's quota, or what the request lacks. */
    String quotaVerdict() {
        browser.settle();
        return browser.driver().findElement(By.id("quota-verdict")).getText();
    }

    /** Submits a form the server will refuse: the page stays, with messages next to the fields. */
    void submitExpectingErrors() {
        browser.settle();
        browser.driver().findElement(By.id("submit")).click();
        browser.settle();
    }

    /** The error message shown next to the field, or null when it is valid. */
    String errorOf(String id) {
        WebElement field = browser.driver().findElement(By.id(id));
        return Boolean.parseBoolean(field.getDomProperty("invalid")) ? field.getDomProperty("errorMessage") : null;
    }

    /** Types into a combo box and picks the first item whose label starts with the text. */
    private void choose(String id, String label) {
        WebElement input = browser.driver().findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(label);
        browser.waitFor(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), '" + label + "')]"))
                .click();
        browser.settle();
    }
}
