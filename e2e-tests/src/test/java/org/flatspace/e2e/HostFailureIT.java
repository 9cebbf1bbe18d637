package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.Mobility;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.flatspace.provisioning.placement.PlacementRules;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A demo host fails: nothing restarts until an administrator confirms in the browser that it is
 * off; then its HA instance runs on another host and the page shows the host empty of it. The
 * failure is what the health check would see after its failed checks (the host marked DOWN and
 * host-failure.bpmn started for it): test-driver hosts cannot be switched off.
 */
class HostFailureIT extends PortalBrowserTest {

    @Autowired
    InstanceService instances;
    @Autowired
    PoolService pool;
    @Autowired
    RuntimeService runtime;

    @Test
    void admin_confirmsFencing_andTheHaInstanceRestartsOnAnotherHost() {
        InstanceView ha = instances.provision(new ProvisionOrder("e2e-ha-" + UUID.randomUUID(), 1, 1, "HA test",
                "small", 1, 256, 1, List.of(UUID.randomUUID()), PlacementRules.NONE, new Mobility(true, true))).get(0);
        HostView failed = pool.host(ha.hostId()).orElseThrow();
        pool.markDown(failed.id());
        runtime.startProcessInstanceByKey("host-failure", "host-" + failed.id(),
                Map.of("hostId", failed.id(), "requestedBy", "health check"));
        try {
            new LoginPage(browser).open().signInAs("admin", "flatspace");
            HostPage page = new HostPage(browser).openFromList(failed.name());
            assertThat(page.state()).startsWith("Down");
            assertThat(page.downWarning()).contains("none is started elsewhere");
            assertThat(instances.liveState(ha.id())).as("nothing restarts before fencing").isEqualTo(DomainState.RUNNING);
            assertThat(instanceHost(ha)).isEqualTo(failed.id());
            browser.snapshot("failure-1-down");

            page.click("confirm-fencing");
            assertThat(page.confirmation()).contains("would run twice");
            browser.snapshot("failure-2-confirm");
            page.answerConfirmation("It is off");

            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> instanceHost(ha) != failed.id());
            page.open(failed.id());
            browser.snapshot("failure-3-restarted");
            assertThat(page.state()).startsWith("Down").endsWith("fenced");
            assertThat(page.instances()).noneMatch(row -> row.startsWith(ha.name()));
            assertThat(page.recentMoves()).anySatisfy(row -> assertThat(row).startsWith(ha.name())
                    .contains("| restart | done |"));
            HostView now = pool.host(instanceHost(ha)).orElseThrow();
            assertThat(now.state()).isEqualTo(HostState.ACTIVE);
            assertThat(instances.liveState(ha.id())).isEqualTo(DomainState.RUNNING);
        } finally {
            // the demo host comes back for the other tests: it is cleaned up and then in maintenance
            pool.returnFromFencing(failed.id());
            pool.markAnswering(failed.id());
            pool.changeState(failed.id(), HostState.MAINTENANCE, HostState.ACTIVE);
        }
    }

    private long instanceHost(InstanceView instance) {
        return instances.ofOrder(instance.orderKey()).get(0).hostId();
    }
}
