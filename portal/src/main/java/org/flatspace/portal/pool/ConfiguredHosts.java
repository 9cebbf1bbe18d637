package org.flatspace.portal.pool;

import org.flatspace.provisioning.host.HostRegistration;
import org.flatspace.provisioning.host.PoolService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Adds the hosts declared under {@code flatspace.pool.hosts} that the pool does not have yet. */
@Component
class ConfiguredHosts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredHosts.class);

    private final PoolProperties properties;
    private final PoolService pool;

    ConfiguredHosts(PoolProperties properties, PoolService pool) {
        this.properties = properties;
        this.pool = pool;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (PoolProperties.Host host : properties.hosts()) {
            if (pool.hostNamed(host.name()).isEmpty()) {
                pool.register(new HostRegistration(host.name(), host.uri(), host.type(), host.cpus(),
                        host.memoryMib(), host.diskGib(), host.cpuOvercommit(), host.faultDomain()));
                log.info("Added host {} ({}) to the pool from configuration", host.name(), host.uri());
            }
        }
    }
}
