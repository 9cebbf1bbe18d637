package org.flatspace.provisioning;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The provisioning module alone on MariaDB and libvirt's test driver, for its integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ProvisioningModule.class)
class ProvisioningTestApplication {
}
