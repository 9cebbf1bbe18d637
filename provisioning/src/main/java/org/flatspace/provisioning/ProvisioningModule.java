package org.flatspace.provisioning;

import org.flatspace.provisioning.hypervisor.HostCredentials;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.hypervisor.LibvirtHypervisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Wires the provisioning module: its services, entities, repositories and the libvirt adapter. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EntityScan
@EnableJpaRepositories
public class ProvisioningModule {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Hypervisor.class)
    LibvirtHypervisor libvirtHypervisor(ObjectProvider<HostCredentials> credentials) {
        return new LibvirtHypervisor(credentials.getIfAvailable(() -> HostCredentials.NONE));
    }
}
