package org.flatspace.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The administrators' approval policy: its versions, the active one, download and upload. */
final class ApprovalPolicyPage {

    private final Browser browser;

    ApprovalPolicyPage(Browser browser) {
        this.browser = browser;
    }

    ApprovalPolicyPage open() {
        browser.open("/admin/policy");
        browser.waitFor(By.id("policy-versions"));
        browser.settle();
        return this;
    }

    /** Version | Active | From | Deployed, newest first. */
    List<String> versions() {
        return browser.rows("policy-versions");
    }

    /** The version number the page marks active. */
    int activeVersion() {
        List<String> active = versions().stream().filter(row -> row.contains(" | active | ")).toList();
        if (active.size() != 1) {
            throw new AssertionError("Not one active version: " + versions());
        }
        return Integer.parseInt(active.get(0).split(" \\| ")[0]);
    }

    /** The address the download link fetches the active policy from. */
    String downloadAddress() {
        return browser.driver().findElement(By.id("policy-download")).getDomAttribute("href");
    }

    /**
     * Uploads a file as the new policy, as choosing it in the upload's file dialog would, and waits
     * until the page has either refused it or listed a new version.
     */
    ApprovalPolicyPage upload(Path file) {
        int before = versions().size();
        WebElement input = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript("""
                const upload = document.getElementById('policy-upload');
                const input = upload.querySelector('input[type=file]')
                    || upload.shadowRoot.querySelector('input[type=file]');
                input.hidden = false;
                input.style.display = 'block';
                return input;""");
        input.sendKeys(file.toAbsolutePath().toString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !error().isEmpty() || versions().size() > before);
        browser.settle();
        return this;
    }

    /** The files the upload widget lists (name and whether it shows them as done), e.g. after a refusal. */
    @SuppressWarnings("unchecked")
    java.util.List<String> listedFiles() {
        browser.settle();
        return (java.util.List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.getElementById('policy-upload').files || [])"
                        + ".map(f => f.name + (f.complete ? ' (done)' : ''));");
    }

    /** Why the last upload was refused; empty when it was not. */
    String error() {
        return browser.driver().findElement(By.id("policy-error")).getText();
    }
}
