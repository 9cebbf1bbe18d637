package org.flatspace.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Vaadin's login form. */
final class LoginPage {

    private final Browser browser;

    LoginPage(Browser browser) {
        this.browser = browser;
    }

    LoginPage open() {
        browser.open("/login");
        return this;
    }

    void signInAs(String username, String password) {
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(username);
        browser.driver().findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        browser.waitFor(By.id("current-user"));
    }
}
