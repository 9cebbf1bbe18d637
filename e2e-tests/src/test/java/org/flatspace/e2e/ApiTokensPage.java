package org.flatspace.e2e;

import org.openqa.selenium.By;

/** The signed-in person's API tokens: create one (its secret shows once), revoke it. */
final class ApiTokensPage {

    private final Browser browser;

    ApiTokensPage(Browser browser) {
        this.browser = browser;
    }

    ApiTokensPage open() {
        browser.open("/tokens");
        browser.waitFor(By.cssSelector("#token-name input"));
        browser.settle();
        return this;
    }

    /** Creates a token with the proposed expiry and returns the secret the page shows for it. */
    String create(String name) {
        browser.driver().findElement(By.cssSelector("#token-name input")).sendKeys(name);
        browser.driver().findElement(By.id("create-token")).click();
        browser.settle();
        return browser.waitFor(By.cssSelector("#token-secret input")).getDomProperty("value");
    }

    /** Revokes the token of this name with the button in its row. */
    ApiTokensPage revoke(String name) {
        browser.click(By.cssSelector("vaadin-button[aria-label='Revoke the token " + name + "']"));
        browser.settle();
        return this;
    }
}
