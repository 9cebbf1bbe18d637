package org.flatspace.e2e;

import java.util.List;

import org.openqa.selenium.By;

/** The team's dashboard: its quota per resource, as a chart and a table, and its business functions. */
final class DashboardPage {

    /** One row of the quota table, in the unit the table shows (GiB for memory and disk). */
    record QuotaRow(String resource, long allocated, long reserved, long free, long limit) {

        static QuotaRow parse(String row) {
            String[] cells = row.split(" \\| ");
            return new QuotaRow(cells[0], Long.parseLong(cells[1]), Long.parseLong(cells[2]),
                    Long.parseLong(cells[3]), Long.parseLong(cells[4]));
        }
    }

    private final Browser browser;

    DashboardPage(Browser browser) {
        this.browser = browser;
    }

    DashboardPage open() {
        browser.open("/dashboard");
        browser.waitFor(By.id("quota-chart"));
        browser.settle();
        return this;
    }

    /** Resource | Allocated | Reserved | Free | Limit, one row per resource. */
    List<QuotaRow> quota() {
        return browser.rows("quota").stream().map(QuotaRow::parse).toList();
    }

    QuotaRow quota(String resource) {
        return quota().stream().filter(r -> r.resource().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError("No quota row for " + resource + " in " + quota()));
    }

    boolean showsQuotaChart() {
        return !browser.driver().findElements(By.cssSelector("#quota-chart svg, svg#quota-chart")).isEmpty();
    }

    /** The rows of the functions table: Business function | Tier | Active requests | Instances | Next lease end. */
    List<String> functions() {
        return browser.rows("functions");
    }

    List<String> functionNames() {
        return functions().stream().map(row -> row.split(" \\| ")[0]).toList();
    }
}
