package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A requester's own pages: the team's dashboard (its functions, a quota table that adds up), the
 * team's request list with a request just made, and the notification that it runs, read once the
 * list of notifications has been opened.
 */
class RequesterPagesIT extends PortalBrowserTest {

    @Autowired
    PersonService people;
    @Autowired
    CatalogService catalog;
    @Autowired
    QuotaService quotas;
    @Autowired
    CapacityRequestService requests;

    @Test
    void requestersDashboard_listsTheTeamsFunctions_andEachQuotaRowAddsUpToItsLimit() {
        PersonAccount alice = people.account("alice").orElseThrow();
        new LoginPage(browser).open().signInAs("alice", "flatspace");

        DashboardPage dashboard = new DashboardPage(browser).open();
        browser.snapshot("dashboard-1-requester");
        assertThat(dashboard.functionNames()).containsExactlyInAnyOrderElementsOf(
                catalog.functionsOf(alice.teamId()).stream().map(FunctionInfo::name).toList());
        assertThat(dashboard.functionNames()).as("another team's function").doesNotContain("Shop search");
        assertThat(dashboard.showsQuotaChart()).isTrue();
        assertThat(dashboard.quota()).extracting(DashboardPage.QuotaRow::resource)
                .containsExactly("vCPU", "Memory (GiB)", "Disk (GiB)", "Instances");
        assertThat(dashboard.quota()).allSatisfy(row -> assertThat(row.allocated() + row.reserved() + row.free())
                .as("allocated + reserved + free of %s", row.resource()).isEqualTo(row.limit()));
        QuotaUsage usage = quotas.usage(alice.teamId());
        assertThat(dashboard.quota("vCPU").limit()).isEqualTo(usage.limits().vcpu());
        assertThat(dashboard.quota("Memory (GiB)").limit()).isEqualTo(usage.limits().memoryMib() / 1024);
        assertThat(dashboard.quota("Disk (GiB)").limit()).isEqualTo(usage.limits().diskGib());
        assertThat(dashboard.quota("Instances").limit()).isEqualTo(usage.limits().instances());
    }

    @Test
    void anotherTeamsFunctionAddress_readsNotFound_andShowsNothingOfIt() {
        PersonAccount wendy = people.account("wendy").orElseThrow();
        FunctionInfo shopSearch = catalog.functionsOf(wendy.teamId()).stream()
                .filter(f -> f.name().equals("Shop search")).findFirst().orElseThrow();
        new LoginPage(browser).open().signInAs("alice", "flatspace");

        FunctionPage page = new FunctionPage(browser).open(shopSearch.id());

        assertThat(page.readsNotFound()).isTrue();
        assertThat(page.title()).isNull();
        assertThat(browser.text()).doesNotContain("Shop search").doesNotContain("bronze");
    }

    @Test
    void requestersNewRequest_isInTheTeamsList_andItsNotificationIsReadOnceOpened() {
        PersonAccount alice = people.account("alice").orElseThrow();
        new LoginPage(browser).open().signInAs("alice", "flatspace");
        String reason = "Notification check " + UUID.randomUUID();
        RequestPage request = new RequestCapacityPage(browser).open()
                .function("Payroll batch").size("small").count(1).reason(reason)
                .submit().waitForStatus("Active", Duration.ofSeconds(60));
        long id = request.id();
        try {
            RequestListPage list = new RequestListPage(browser).open();
            browser.snapshot("requests-1-list");
            assertThat(list.rows()).anySatisfy(row -> assertThat(row)
                    .startsWith(id + " | Payroll batch | 1 x small | ").contains(" | Active | alice | "));
            assertThat(list.select(id).status()).startsWith("Active");
            assertThat(browser.text()).contains(reason);

            // the function's own page shows the request and its running instance, never a host
            FunctionInfo batch = catalog.functionsOf(alice.teamId()).stream()
                    .filter(f -> f.name().equals("Payroll batch")).findFirst().orElseThrow();
            FunctionPage function = new FunctionPage(browser).open(batch.id());
            browser.snapshot("function-1-payroll-batch");
            assertThat(function.title()).isEqualTo("Business function Payroll batch");
            assertThat(function.requests()).anySatisfy(row -> assertThat(row).startsWith(id + " | Active | 1 x small | "));
            assertThat(function.instances()).anySatisfy(row -> assertThat(row).contains(" | small | RUNNING | " + id + " | "));
            assertThat(browser.text()).doesNotContainPattern("demo-[a-z][0-9]");
            assertThat(new MainLayoutPage(browser).navigation()).as("unread notifications are counted")
                    .anySatisfy(item -> assertThat(item).matches("Notifications \\(\\d+\\)"));

            NotificationsPage notifications = new NotificationsPage(browser).open();
            browser.snapshot("notifications-1-unread");
            assertThat(notifications.about(id)).anySatisfy(row -> assertThat(row)
                    .contains("| ● Request " + id + " (Payroll batch): active |")
                    .contains("Your capacity is ready: 1 instance running for Payroll batch"));

            new RequestListPage(browser).open();
            assertThat(new MainLayoutPage(browser).navigation()).as("all read after opening the list")
                    .contains("Notifications");
            assertThat(notifications.open().about(id)).anySatisfy(row -> assertThat(row)
                    .contains("| Request " + id + " (Payroll batch): active |"))
                    .noneSatisfy(row -> assertThat(row).contains("●"));
        } finally {
            requests.release(new Actor(alice.username(), alice.teamId(), alice.roles()), id);
        }
    }
}
