package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** An admin adds a size; a size without CPU or with a taken name is refused with the reason beside the field. */
class CatalogAdminIT extends PortalBrowserTest {

    @Test
    void adminAddsASize_andBadValuesAreExplained() {
        String name = "e2e-" + UUID.randomUUID().toString().substring(0, 6);
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        browser.open("/admin/catalog");
        browser.waitFor(By.id("sizes"));

        addSize(name, "0", "4", "40");
        assertThat(fieldError("size-vcpu")).isEqualTo("At least 1 vCPU");

        addSize(name, "2", "4", "40");
        assertThat(fieldError("size-vcpu")).isNull();
        assertThat(browser.driver().findElement(By.id("size-error")).getText()).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#sizes vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)).contains(name);

        addSize(name, "2", "4", "40");
        assertThat(fieldError("size-name")).isEqualTo("That name is taken: choose another");
    }

    /** The message shown beside the field, or null while it is valid. */
    private String fieldError(String id) {
        WebElement field = browser.driver().findElement(By.id(id));
        return field.getDomAttribute("invalid") == null ? null : field.getDomProperty("errorMessage");
    }

    private void addSize(String name, String vcpu, String memoryGib, String diskGib) {
        type("size-name", name);
        type("size-vcpu", vcpu);
        type("size-memory", memoryGib);
        type("size-disk", diskGib);
        browser.driver().findElement(By.id("add-size")).click();
        browser.settle();
    }

    private void type(String id, String value) {
        browser.driver().findElement(By.cssSelector("#" + id + " input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }
}
