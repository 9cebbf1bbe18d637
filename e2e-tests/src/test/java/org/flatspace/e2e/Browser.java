package org.flatspace.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium through Debian's chromedriver, with helpers for Vaadin pages. */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("flatspace-e2e-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        this.driver = new ChromeDriver(service, options);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(20));
    }

    /** Waits until Vaadin has no round trip to the server in flight. */
    void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!window.Vaadin && !!window.Vaadin.Flow && Object.values(window.Vaadin.Flow"
                        + ".clients || {}).every(c => !c.isActive || !c.isActive())")));
    }

    /** Clicks an element after scrolling it to the middle of the window, clear of notifications at the edges. */
    void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * Waits until a text field in Vaadin's LAZY mode has sent what was typed (it waits for a pause in
     * typing) and the server has answered.
     */
    void afterLazyInput() {
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settle();
    }

    /** The visible rows of a Vaadin grid, each as its cells' texts joined by " | ". */
    @SuppressWarnings("unchecked")
    java.util.List<String> rows(String gridId) {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                return [...grid.shadowRoot.querySelectorAll('#items tr')].filter(tr => !tr.hidden)
                    .map(tr => [...tr.querySelectorAll('td')].map(td => {
                        const slot = td.querySelector('slot');
                        const content = slot && slot.assignedElements()[0];
                        return content ? content.innerText.trim() : '';
                    }).join(' | '));""", gridId);
    }

    /** The texts of a Vaadin grid's rendered cells, header cells too, blank ones left out. */
    java.util.List<String> cells(String gridId) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /** Replaces the value of a Vaadin text, number or combo field, leaves it with Tab and waits for the server. */
    void type(String fieldId, String value) {
        driver.findElement(By.cssSelector("#" + fieldId + " input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), value,
                Keys.TAB);
        settle();
    }

    /** The message shown beside a Vaadin field, or null while it is valid. */
    String errorOf(String fieldId) {
        WebElement field = driver.findElement(By.id(fieldId));
        return field.getDomAttribute("invalid") == null ? null : field.getDomProperty("errorMessage");
    }

    /** Whether the page holds an element with this id (for pages a person may not be allowed to see). */
    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Waits for a confirmation dialog and returns its text. */
    String confirmation() {
        return waitFor(By.cssSelector("vaadin-confirm-dialog-overlay")).getText();
    }

    /** Presses the button of the open confirmation dialog that says this. */
    void answerConfirmation(String buttonText) {
        driver.findElement(By.xpath("//vaadin-button[contains(., '" + buttonText + "')]")).click();
        settle();
    }

    /** Scrolls an element into view with its bottom edge at the window's, after the server has answered. */
    void scrollToBottomOf(By by) {
        settle();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'end'})",
                waitFor(by));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Saves a screenshot of the page as it is now when the system property
     * {@code flatspace.e2e.screenshots} names a folder (for looking at the pages; off in CI).
     */
    void snapshot(String name) {
        String dir = System.getProperty("flatspace.e2e.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            settle();
            Files.write(Files.createDirectories(Path.of(dir)).resolve(name + ".png"),
                    driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot and the browser console, for a failing test. */
    void saveEvidence(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "e2e-artifacts"));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            StringBuilder console = new StringBuilder();
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                console.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
            }
            Files.writeString(dir.resolve(name + "-console.log"), console);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save browser evidence: " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
