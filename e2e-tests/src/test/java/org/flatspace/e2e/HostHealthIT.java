package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainKind;
import org.flatspace.provisioning.hypervisor.DomainSpec;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrators' host health page on the demo pool: every host answers and is ACTIVE, and a
 * domain no instance owns shows up as drift that repair leaves alone. Requesters cannot open it.
 */
class HostHealthIT extends PortalBrowserTest {

    private static final List<String> DEMO_HOSTS = List.of("demo-a1", "demo-a2", "demo-b1", "demo-b2");

    @Autowired
    PoolService pool;

    @Autowired
    Hypervisor hypervisor;

    @Test
    void admin_seesEveryDemoHostActive_andAStrangersDomainAsDriftThatRepairLeavesAlone() {
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        assertThat(new MainLayoutPage(browser).navigation()).contains("Host health");

        HostHealthPage health = new HostHealthPage(browser).open().checkAllHosts();
        browser.snapshot("health-1-hosts");
        List<String> rows = health.hosts();
        for (String host : DEMO_HOSTS) {
            assertThat(rows).as("row of %s", host).anySatisfy(r -> assertThat(r).startsWith(host + " | ACTIVE | 0 |"));
        }

        HostView a1 = pool.hosts().stream().filter(h -> h.name().equals("demo-a1")).findFirst().orElseThrow();
        UUID stranger = UUID.randomUUID();
        hypervisor.defineAndStart(a1.uri(),
                new DomainSpec(stranger, "someone-elses-vm", "not Flatspace's", DomainKind.TEST, 1, 128));
        try {
            health.inspect();
            browser.snapshot("health-2-inspect");
            assertThat(health.drift()).anySatisfy(r -> assertThat(r)
                    .startsWith("Unknown domain |  | demo-a1 | domain 'someone-elses-vm'").endsWith("| reported"));

            health.repair();
            browser.snapshot("health-3-repair");
            assertThat(health.driftSummary())
                    .startsWith("Repaired at").contains("0 fixed");
            assertThat(hypervisor.list(a1.uri())).as("repair leaves a stranger's domain alone")
                    .anySatisfy(d -> assertThat(d.id()).isEqualTo(stranger));
        } finally {
            hypervisor.destroyAndUndefine(a1.uri(), stranger);
        }
    }

    @Test
    void requester_cannotOpenTheHostHealthPage() {
        new LoginPage(browser).open().signInAs("alice", "flatspace");
        assertThat(new MainLayoutPage(browser).navigation()).doesNotContain("Host health");

        HostHealthPage health = new HostHealthPage(browser).visit();
        browser.snapshot("health-4-requester");
        assertThat(browser.text()).contains("Could not navigate to 'admin/health'");
        assertThat(health.showsHosts()).isFalse();
        assertThat(health.offersCheck()).isFalse();
        assertThat(browser.text()).doesNotContain("demo-a1");
    }
}
