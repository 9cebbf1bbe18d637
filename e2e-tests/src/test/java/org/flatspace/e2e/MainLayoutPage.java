package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What every signed-in page shows around the view: the navigation, who is signed in, signing out. */
final class MainLayoutPage {

    private final Browser browser;

    MainLayoutPage(Browser browser) {
        this.browser = browser;
    }

    /** The labels of the navigation's items, e.g. "Notifications (2)". */
    List<String> navigation() {
        return browser.driver().findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(WebElement::getText).toList();
    }

    String currentUser() {
        return browser.driver().findElement(By.id("current-user")).getText();
    }

    void signOut() {
        browser.driver().findElement(By.id("sign-out")).click();
    }
}
