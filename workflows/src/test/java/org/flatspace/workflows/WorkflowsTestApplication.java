package org.flatspace.workflows;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The workflows module with config and provisioning, on MariaDB and libvirt's test driver. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkflowsModule.class)
class WorkflowsTestApplication {
}
