package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.flatspace.config.person.PersonService;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.workflows.request.CapacityRequestService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The walking skeleton, end to end: the portal on MariaDB with the demo's libvirt test-driver pool,
 * driven by Chromium. A requester asks for two instances and sees them run without learning where;
 * an administrator sees them on their hosts; libvirt confirms both domains run.
 */
class RequestCapacityJourneyIT extends PortalBrowserTest {

    @Autowired
    PoolService pool;

    @Autowired
    InstanceService instances;

    @Autowired
    CapacityRequestService requests;

    @Autowired
    PersonService people;

    @Test
    void requesterGetsRunningInstancesWithoutSeeingHosts_andAdminSeesWhereTheyRun() {
        List<String> hostNames = pool.hosts().stream().map(HostView::name).toList();
        assertThat(hostNames).contains("demo-a1", "demo-b1");

        new LoginPage(browser).open().signInAs("alice", "flatspace");
        RequestCapacityPage form = new RequestCapacityPage(browser).open()
                .function("Payroll batch").size("medium").count(2)
                .reason("Month-end payroll run needs two more workers");
        browser.snapshot("1-request-form");
        RequestPage request = form.submit().waitForStatus("Active", Duration.ofSeconds(60));
        browser.snapshot("2-request-active");

        List<String> cells = request.instanceCells();
        assertThat(cells.stream().filter("RUNNING"::equals)).hasSize(2);
        List<String> instanceNames = cells.stream().filter(c -> c.startsWith("payroll-batch-")).toList();
        assertThat(instanceNames).hasSize(2);
        String requesterSees = browser.text() + browser.driver().getPageSource();
        assertThat(hostNames).allSatisfy(host -> assertThat(requesterSees).doesNotContain(host));

        List<InstanceView> running = pool.hosts().stream().flatMap(h -> instances.onHost(h.id()).stream())
                .filter(i -> instanceNames.contains(i.name())).toList();
        assertThat(running).hasSize(2)
                .allSatisfy(i -> assertThat(instances.liveState(i.id())).isEqualTo(DomainState.RUNNING));

        DashboardPage dashboard = new DashboardPage(browser).open();
        browser.snapshot("2b-team-dashboard");
        assertThat(dashboard.quota("vCPU").allocated()).as("vCPU allocated").isGreaterThanOrEqualTo(4);
        assertThat(dashboard.functionNames()).contains("Payroll batch", "Payroll API");
        assertThat(dashboard.showsQuotaChart()).isTrue();

        new MainLayoutPage(browser).signOut();
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        List<String> hostCells = new HostsPage(browser).open().cells();
        browser.snapshot("3-admin-hosts");
        for (InstanceView instance : running) {
            assertThat(hostCells).anySatisfy(c -> assertThat(c).contains(instance.name() + " (RUNNING)"));
            assertThat(hostCells).contains(instance.hostName());
        }
    }

    @Test
    void badInput_isShownNextToTheFieldsAndCreatesNothing() {
        new LoginPage(browser).open().signInAs("wendy", "flatspace");
        int before = requests.requestsOf(wendy()).size();

        RequestCapacityPage form = new RequestCapacityPage(browser).open().function("Shop search").count(0);
        form.submitExpectingErrors();
        browser.snapshot("4-request-form-errors");

        assertThat(form.errorOf("reason")).isEqualTo("Say why the capacity is needed");
        assertThat(form.errorOf("size")).isEqualTo("Choose a size from the catalog");
        assertThat(form.errorOf("count")).isEqualTo("Ask for 1 to 100 instances in one request");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/request");
        assertThat(requests.requestsOf(wendy())).hasSize(before);
    }

    private org.flatspace.workflows.Actor wendy() {
        var account = people.account("wendy").orElseThrow();
        return new org.flatspace.workflows.Actor(account.username(), account.teamId(), account.roles());
    }

    @Test
    void goldRequest_isApprovedByTheTeamsManagerInTheInbox_thenRuns() {
        new LoginPage(browser).open().signInAs("alice", "flatspace");
        RequestPage request = new RequestCapacityPage(browser).open()
                .function("Payroll API").size("small").count(1).reason("A second API node for the release")
                .submit().waitForStatus("Waiting for approval", Duration.ofSeconds(20));
        long requestId = request.id();
        assertThat(request.status()).contains("the team's managers");

        new MainLayoutPage(browser).signOut();
        new LoginPage(browser).open().signInAs("paul", "flatspace");
        assertThat(browser.text()).contains("Approvals (1)");
        ApprovalsPage inbox = new ApprovalsPage(browser).open();
        assertThat(inbox.cells()).contains(String.valueOf(requestId), "Payroll API", "alice");
        inbox.select(requestId);
        browser.snapshot("5-manager-inbox");
        inbox.approve("Fine for the release");

        new MainLayoutPage(browser).signOut();
        new LoginPage(browser).open().signInAs("alice", "flatspace");
        new RequestPage(browser).open(requestId).waitForStatus("Active", Duration.ofSeconds(60));
        assertThat(browser.text()).contains("approved by paul: Fine for the release");
    }
}
