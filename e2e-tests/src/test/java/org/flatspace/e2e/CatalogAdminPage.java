package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;

/** The administrators' catalog: sizes and service tiers. */
final class CatalogAdminPage {

    private final Browser browser;

    CatalogAdminPage(Browser browser) {
        this.browser = browser;
    }

    CatalogAdminPage open() {
        browser.open("/admin/catalog");
        browser.waitFor(By.id("sizes"));
        browser.settle();
        return this;
    }

    /** Fills in the new-size form (memory and disk in GiB) and adds it. */
    CatalogAdminPage addSize(String name, String vcpu, String memoryGib, String diskGib) {
        browser.type("size-name", name);
        browser.type("size-vcpu", vcpu);
        browser.type("size-memory", memoryGib);
        browser.type("size-disk", diskGib);
        browser.driver().findElement(By.id("add-size")).click();
        browser.settle();
        return this;
    }

    /** The message beside a field of the new-size form, or null while it is valid. */
    String errorOf(String fieldId) {
        return browser.errorOf(fieldId);
    }

    /** The message under the new-size form for what no field explains; empty when there is none. */
    String sizeError() {
        return browser.driver().findElement(By.id("size-error")).getText();
    }

    /** The texts of the size table's cells: name, vCPU, memory, disk per size. */
    List<String> sizeCells() {
        return browser.cells("sizes");
    }
}
