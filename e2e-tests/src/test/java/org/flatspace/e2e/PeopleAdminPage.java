package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The administrators' teams and people page. */
final class PeopleAdminPage {

    private final Browser browser;

    PeopleAdminPage(Browser browser) {
        this.browser = browser;
    }

    PeopleAdminPage open() {
        browser.open("/admin/people");
        browser.waitFor(By.id("people"));
        browser.settle();
        return this;
    }

    /** Fills in the new-person form and submits it; the roles stay as the form offers them (requester). */
    PeopleAdminPage create(String username, String name, String email, String team, String password) {
        type("new-username", username);
        type("new-display-name", name);
        type("new-email", email);
        type("new-team", team);
        browser.driver().findElement(By.cssSelector("#new-team input")).sendKeys(Keys.ENTER);
        type("new-password", password);
        browser.click(By.id("create-person"));
        browser.settle();
        return this;
    }

    /** The error shown next to a field of the new-person form; empty when there is none. */
    String errorOf(String fieldId) {
        Object message = browser.driver().findElement(By.id(fieldId)).getDomProperty("errorMessage");
        boolean invalid = Boolean.parseBoolean(browser.driver().findElement(By.id(fieldId)).getDomProperty("invalid"));
        return invalid && message != null ? message.toString() : "";
    }

    /** The people the search finds, each row's cells joined by " | ". */
    List<String> search(String text) {
        type("people-search", text);
        browser.afterLazyInput();
        return browser.rows("people");
    }

    private void type(String id, String value) {
        browser.driver().findElement(By.cssSelector("#" + id + " input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        browser.settle();
    }
}
