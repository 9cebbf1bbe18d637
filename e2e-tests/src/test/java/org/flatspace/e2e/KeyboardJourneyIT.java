package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A requester asks for capacity and a manager approves it with the keyboard alone: after a page
 * has loaded, no click, only Tab, Shift+Tab, arrows, Enter and typing, sent to whatever has the
 * focus. Pages are opened by their address, as a bookmark would. A confirmation dialog opens with
 * its confirm button focused and closes with Escape.
 */
class KeyboardJourneyIT extends PortalBrowserTest {

    @Test
    void requesterSubmitsARequest_andTheManagerApprovesIt_withTheKeyboardOnly() {
        Keyboard keys = new Keyboard(browser);
        signIn(keys, "alice");

        RequestCapacityPage form = new RequestCapacityPage(browser).open();
        browser.settle();
        assertThat(keys.focus()).as("the first field has the focus").contains("#function");
        keys.type("Payroll API");
        browser.waitFor(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), 'Payroll API')]"));
        keys.press(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(form.errorOf("size")).as("Enter that picks an item does not submit the form").isNull();
        keys.press(Keys.TAB).tabTo(f -> f.contains("#size"), 2, "the size");
        keys.type("small");
        browser.waitFor(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), 'small')]"));
        keys.press(Keys.ARROW_DOWN, Keys.ENTER);
        keys.press(Keys.TAB).tabTo(f -> f.contains("#count"), 2, "the number of instances");
        keys.holding(Keys.CONTROL, "a").type("1");
        assertThat(form.leaseEnd()).as("the lease end the form proposes, as the browser's locale writes a date")
                .isNotBlank();
        keys.press(Keys.TAB).tabTo(f -> f.contains("#reason"), 4, "the reason");
        keys.type("Typed without a mouse: a second API node");
        // Shift+Tab goes back through the form, Tab forward again to the button
        keys.holding(Keys.SHIFT, Keys.TAB);
        assertThat(keys.focus()).as("Shift+Tab from the reason").contains("#lease-end");
        keys.tabTo(f -> f.contains("#submit"), 4, "the submit button");
        browser.snapshot("keyboard-1-request-form");
        keys.press(Keys.ENTER);

        RequestPage request = form.submitted().waitForStatus("Waiting for approval", Duration.ofSeconds(20));
        assertThat(browser.text()).as("one instance, as typed").contains(": 1 x small for Payroll API");
        long requestId = request.id();
        assertThat(browser.text()).contains("Payroll API").contains("Typed without a mouse");

        browser.driver().manage().deleteAllCookies();
        signIn(keys, "paul");
        keys.tabTo(f -> f.contains("vaadin-side-nav-item[path=approvals]"), 12, "Approvals in the navigation");
        keys.press(Keys.ENTER);
        browser.waitFor(By.id("approvals"));
        browser.settle();

        // into the inbox: Tab reaches the grid, the arrows the row of the request, Enter its "Decide" button
        keys.tabTo(f -> f.contains("vaadin-grid#approvals") && !keys.focusedRow("approvals").isEmpty()
                && !f.startsWith("th"), 8, "a row of the inbox");
        for (int i = 0; i < 30 && !keys.focusedRow("approvals").startsWith(requestId + " |"); i++) {
            keys.press(Keys.ARROW_DOWN);
        }
        assertThat(keys.focusedRow("approvals")).as("the focused row").startsWith(requestId + " |");
        keys.press(Keys.END, Keys.ENTER);
        assertThat(keys.focus()).as("Enter on the row's last cell").contains("#open-" + requestId);
        keys.press(Keys.ENTER);
        browser.waitFor(By.id("approve"));
        browser.settle();
        assertThat(keys.focus()).as("the decision's comment takes the focus").contains("#decision-comment");
        keys.type("Fine, decided without a mouse");
        keys.tabTo(f -> f.contains("#approve"), 2, "Approve");
        browser.snapshot("keyboard-2-decision");
        keys.press(Keys.ENTER);

        request.open(requestId).waitForStatus("Active", Duration.ofSeconds(60));
        assertThat(browser.text()).contains("approved by paul: Fine, decided without a mouse");

        // a confirmation: its confirm button has the focus, Escape closes it and nothing happens
        browser.settle();
        keys.tabTo(f -> f.contains("#release"), 30, "Release now");
        keys.press(Keys.ENTER);
        browser.waitFor(By.cssSelector("vaadin-confirm-dialog-overlay"));
        browser.settle();
        assertThat(keys.focus()).as("focus in the open dialog").contains("[slot=confirm-button]");
        keys.press(Keys.ESCAPE);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay[opened]")).isEmpty());
        assertThat(request.status()).startsWith("Active");
    }

    /** The login form: the username field has the focus once the page is there; Enter signs in. */
    private void signIn(Keyboard keys, String username) {
        browser.open("/login");
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input"));
        browser.settle();
        keys.tabTo(f -> f.contains("#vaadinLoginUsername"), 3, "the username");
        keys.type(username).press(Keys.TAB).type("flatspace").press(Keys.ENTER);
        browser.waitFor(By.id("current-user"));
        browser.settle();
    }
}
