package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.flatspace.portal.FlatspaceApplication;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The walking skeleton, end to end: the portal on MariaDB with the demo's libvirt test-driver pool,
 * driven by Chromium. A requester asks for two instances and sees them run without learning where;
 * an administrator sees them on their hosts; libvirt confirms both domains run.
 */
@SpringBootTest(classes = FlatspaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mariadb", "demo", "e2e"})
class RequestCapacityJourneyIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PoolService pool;

    @Autowired
    InstanceService instances;

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.saveEvidence(context.getRequiredTestMethod().getName());
            }
        }
    };

    /** One browser for the whole class: starting Chromium costs more than a test. */
    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void requesterGetsRunningInstancesWithoutSeeingHosts_andAdminSeesWhereTheyRun() {
        List<String> hostNames = pool.hosts().stream().map(HostView::name).toList();
        assertThat(hostNames).contains("demo-a1", "demo-b1");

        new LoginPage(browser).open().signInAs("alice", "flatspace");
        RequestPage request = new RequestCapacityPage(browser).open()
                .function("Payroll batch").size("medium").count(2)
                .reason("Month-end payroll run needs two more workers")
                .submit()
                .waitForStatus("Active", Duration.ofSeconds(60));

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

        browser.driver().findElement(By.id("sign-out")).click();
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        List<String> hostCells = new HostsPage(browser).open().cells();
        for (InstanceView instance : running) {
            assertThat(hostCells).anySatisfy(c -> assertThat(c).contains(instance.name() + " (RUNNING)"));
            assertThat(hostCells).contains(instance.hostName());
        }
    }
}
