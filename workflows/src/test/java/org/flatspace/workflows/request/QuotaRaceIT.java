package org.flatspace.workflows.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.workflows.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * 100 requests race for the last capacity of a team, on MariaDB, through the whole submit path
 * (each its own transaction and process instance). A database of its own, so that the pool holds
 * exactly the one small host registered here.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:mariadb://${flatspace.it.db.host:127.0.0.1}:"
        + "${flatspace.it.db.port:3306}/flatspace_it_race?nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true")
class QuotaRaceIT {

    private static final int SUBMITTERS = 100;
    private static final int QUOTA_INSTANCES = 10;
    private static final int HOST_CPUS = 8;

    @TempDir
    static Path hostFiles;

    @Autowired
    CapacityRequestService requests;
    @Autowired
    TeamService teams;
    @Autowired
    PersonService people;
    @Autowired
    CatalogService catalog;
    @Autowired
    QuotaService quotas;
    @Autowired
    PoolService pool;
    @Autowired
    ManagementService management;

    @Test
    void exactlyAsManyRequestsAsFitAreGranted_andTheQuotaNeverDrifts_evenWhenSomeProvisioningFails()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = teams.create("race-" + suffix).id();
        quotas.setLimits(team, new Resources(1000, 1048576, 100000, QUOTA_INSTANCES));
        FunctionInfo batch = catalog.createFunction(team, "Batch",
                catalog.createTier("race-" + suffix, false, false, false, 1.0).id());
        SizeInfo one = catalog.createSize("one-" + suffix, 1, 256, 1);
        people.create("racer-" + suffix, "Racer", null, "{noop}x", team, EnumSet.of(Role.REQUESTER));
        Actor racer = new Actor("racer-" + suffix, team, EnumSet.of(Role.REQUESTER));
        HostView host = TestDriverHosts.register(pool, hostFiles, HOST_CPUS, 65536, 10000);

        List<RequestSummary> submitted = inParallel(16, SUBMITTERS, i -> requests.submit(racer,
                new NewCapacityRequest(batch.id(), one.id(), 1, LocalDate.now().plusDays(30), "race " + i)));

        Map<RequestStatus, Long> byStatus = submitted.stream()
                .collect(Collectors.groupingBy(RequestSummary::status, Collectors.counting()));
        assertThat(byStatus).containsOnly(Map.entry(RequestStatus.APPROVED, (long) QUOTA_INSTANCES),
                Map.entry(RequestStatus.OVER_QUOTA, (long) (SUBMITTERS - QUOTA_INSTANCES)));
        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.of(QUOTA_INSTANCES, 1, 256, 1));
        assertThat(quotas.recount(team).drifted()).isFalse();

        // provisioning races too: the host takes 8 of the 10 instances; the other 2 fail and give back
        List<Job> jobs = management.createJobQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .activityId("Task_ProvisionInstances").list();
        assertThat(jobs).hasSize(QUOTA_INSTANCES);
        inParallel(4, jobs.size(), i -> {
            management.executeJob(jobs.get(i).getId());
            return i;
        });

        Map<RequestStatus, Long> after = submitted.stream().filter(r -> r.status() == RequestStatus.APPROVED)
                .map(r -> requests.details(racer, r.id()).orElseThrow().summary().status())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(after).containsOnly(Map.entry(RequestStatus.ACTIVE, (long) HOST_CPUS),
                Map.entry(RequestStatus.FAILED, (long) (QUOTA_INSTANCES - HOST_CPUS)));
        assertThat(quotas.usage(team).allocated()).isEqualTo(Resources.of(HOST_CPUS, 1, 256, 1));
        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotas.recount(team).drifted()).isFalse();
        assertThat(pool.host(host.id()).orElseThrow().allocVcpu()).isEqualTo(HOST_CPUS);
    }

    private static <T> List<T> inParallel(int threads, int count, Function<Integer, T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> task.apply(n));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : executor.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            executor.shutdown();
        }
    }
}
