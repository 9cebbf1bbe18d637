package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * An admin creates a person (a too short password is explained next to the field), the person
 * signs in and tries an admin page, and the admin finds both in the audit log.
 */
class PeopleAndAuditIT extends PortalBrowserTest {

    private static final String PASSWORD = "a new person's first password";

    @Test
    void adminCreatesAPerson_whoSignsIn_andTheAdminSeesItInTheAuditLog() {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 6);
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        PeopleAdminPage people = new PeopleAdminPage(browser).open();

        people.create(username, "Erin Example", username + "@example.org", "Payroll", "short");
        assertThat(people.errorOf("new-password")).startsWith("Use at least 12 characters");
        assertThat(people.search(username)).isEmpty();
        people.create(username, "Erin Example", username + "@example.org", "Payroll", PASSWORD);
        assertThat(people.errorOf("new-password")).isEmpty();
        assertThat(people.search(username)).singleElement().asString()
                .contains(username, "Erin Example", "Payroll", "REQUESTER", "active");
        browser.snapshot("7-people-admin");

        browser.driver().manage().deleteAllCookies();
        new LoginPage(browser).open().signInAs(username, PASSWORD);
        assertThat(new MainLayoutPage(browser).currentUser()).contains("Erin Example");
        assertThat(new AuditLogPage(browser).visit().isShown()).as("a requester sees no audit log").isFalse();

        browser.driver().manage().deleteAllCookies();
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        AuditLogPage audit = new AuditLogPage(browser).open().who(username);
        assertThat(audit.rows()).anySatisfy(row -> assertThat(row)
                .contains(username + " | Payroll | access.denied | view:admin/audit | DENIED"));
        audit.action("login.");
        browser.snapshot("8-audit-log");
        assertThat(audit.total()).isEqualTo("1 entry");
        assertThat(audit.rows()).singleElement().asString()
                .contains(username + " | Payroll | login.success | person:" + username + " | SUCCESS");
    }
}
