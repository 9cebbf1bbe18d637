package org.flatspace.portal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.flatspace.portal.FlatspaceApplication;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A host declared in configuration is in the pool after start-up, once, with what was declared. */
@SpringBootTest(classes = FlatspaceApplication.class)
@ActiveProfiles({"mariadb", "portal-it"})
class ConfiguredHostsIT {

    @Autowired
    PoolService pool;

    @Autowired
    ConfiguredHosts configuredHosts;

    @Test
    void declaredHost_isAddedOnceWithItsCapacity() throws Exception {
        configuredHosts.run(null);

        assertThat(pool.hosts()).filteredOn(h -> h.name().equals("kvm-rack1-01")).singleElement().satisfies(h -> {
            assertThat(h.uri()).isEqualTo("qemu+tcp://127.0.0.1:1/system");
            assertThat(h.type()).isEqualTo(HypervisorType.KVM);
            assertThat(h.state()).isEqualTo(HostState.ACTIVE);
            assertThat(h.vcpuLimit()).isEqualTo(256);
            assertThat(h.memoryMib()).isEqualTo(524288);
            assertThat(h.faultDomain()).isEqualTo("rack-1");
        });
    }
}
