package org.flatspace.workflows;

import org.flatspace.config.ConfigModule;
import org.flatspace.provisioning.ProvisioningModule;
import org.flatspace.workflows.pool.PoolProperties;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the workflows module and the two modules it calls. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EntityScan
@EnableJpaRepositories
@Import({ConfigModule.class, ProvisioningModule.class})
@EnableConfigurationProperties({WorkflowProperties.class, PoolProperties.class})
@EnableScheduling
public class WorkflowsModule {
}
