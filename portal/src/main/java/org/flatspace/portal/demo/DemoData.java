package org.flatspace.portal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.host.HostRegistration;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo once, on an empty database: teams, people (listed in the README), tiers, sizes,
 * functions, quotas, and four libvirt test-driver hosts of different sizes.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * name, CPUs, memory GiB, disk GiB, CPU overcommit, fault domain: matches the files in
     * demo-pool/. Rack b does not overcommit CPU, so gold capacity (at most 1:1) has somewhere to go.
     */
    private record DemoHost(String name, int cpus, long memoryGib, long diskGib, double cpuOvercommit,
                            String faultDomain) {
    }

    private static final List<DemoHost> HOSTS = List.of(
            new DemoHost("demo-a1", 16, 64, 2000, 2.0, "rack-a"),
            new DemoHost("demo-a2", 16, 64, 2000, 2.0, "rack-a"),
            new DemoHost("demo-b1", 32, 128, 4000, 1.0, "rack-b"),
            new DemoHost("demo-b2", 8, 32, 1000, 1.0, "rack-b"));

    private final DemoProperties properties;
    private final TeamService teams;
    private final PersonService people;
    private final CatalogService catalog;
    private final QuotaService quotas;
    private final PoolService pool;
    private final PasswordEncoder passwords;

    DemoData(DemoProperties properties, TeamService teams, PersonService people, CatalogService catalog,
             QuotaService quotas, PoolService pool, PasswordEncoder passwords) {
        this.properties = properties;
        this.teams = teams;
        this.people = people;
        this.catalog = catalog;
        this.quotas = quotas;
        this.pool = pool;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        writeHostFiles();
        if (teams.teamNamed("Payroll").isPresent()) {
            return;
        }
        log.info("Seeding the demo: teams, people, catalog, quotas and {} test-driver hosts", HOSTS.size());
        TierInfo gold = catalog.createTier("gold", true, true, true, 1.0);
        TierInfo silver = catalog.createTier("silver", false, true, true, 2.0);
        TierInfo bronze = catalog.createTier("bronze", false, false, false, 4.0);
        catalog.createSize("small", 1, 2048, 20);
        catalog.createSize("medium", 2, 4096, 40);
        catalog.createSize("large", 4, 8192, 80);
        catalog.createSize("xlarge", 8, 32768, 160);

        long payroll = team("Payroll", new Resources(32, 65536, 1000, 16));
        catalog.createFunction(payroll, "Payroll batch", silver.id());
        catalog.createFunction(payroll, "Payroll API", gold.id());
        person("alice", "Alice Requester", payroll, Role.REQUESTER);
        person("paul", "Paul Manager", payroll, Role.REQUESTER, Role.MANAGER);

        long shop = team("Web shop", new Resources(48, 98304, 2000, 24));
        catalog.createFunction(shop, "Shop front end", gold.id());
        catalog.createFunction(shop, "Shop search", bronze.id());
        person("wendy", "Wendy Requester", shop, Role.REQUESTER);
        person("mike", "Mike Manager", shop, Role.REQUESTER, Role.MANAGER);

        long platform = team("Platform", new Resources(0, 0, 0, 0));
        person("admin", "Ada Admin", platform, Role.ADMIN);

        for (DemoHost host : HOSTS) {
            pool.register(new HostRegistration(host.name(), "test://" + hostFile(host).toAbsolutePath(),
                    HypervisorType.TEST, host.cpus(), host.memoryGib() * 1024, host.diskGib(), host.cpuOvercommit(),
                    host.faultDomain()));
        }
    }

    private long team(String name, Resources quota) {
        long id = teams.create(name).id();
        quotas.setLimits(id, quota);
        return id;
    }

    private void person(String username, String displayName, long team, Role... roles) {
        people.create(username, displayName, username + "@flatspace.example", passwords.encode(properties.password()),
                team, EnumSet.copyOf(Set.of(roles)));
    }

    /** The test driver reads a host's description from a file: copy the shipped ones out of the jar. */
    private void writeHostFiles() {
        for (DemoHost host : HOSTS) {
            try (InputStream in = new ClassPathResource("demo-pool/" + host.name() + ".xml").getInputStream()) {
                Files.createDirectories(hostFile(host).getParent());
                Files.copy(in, hostFile(host), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the demo host file for " + host.name(), e);
            }
        }
    }

    private Path hostFile(DemoHost host) {
        return properties.dataDir().resolve("demo-pool").resolve(host.name() + ".xml");
    }
}
