package org.flatspace.provisioning.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostOrder;
import org.flatspace.provisioning.host.HostRegistration;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Health checks against test-driver hosts; a host whose node file is missing does not answer. */
@SpringBootTest(properties = "flatspace.health.failures-before-down=3")
class HostHealthServiceIT {

    @TempDir
    Path dir;

    @Autowired
    HostHealthService health;

    @Autowired
    PoolService pool;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answeringHost_staysActiveWithNoErrorAndNoWarning() {
        HostView host = TestDriverHosts.register(pool, dir, 8, 16384, 100);
        Instant before = Instant.now();

        HostHealth result = health.check(host.id());

        assertThat(result.state()).isEqualTo(HostState.ACTIVE);
        assertThat(result.consecutiveFailures()).isZero();
        assertThat(result.lastError()).isNull();
        assertThat(result.capacityWarning()).isNull();
        assertThat(result.lastAnswerAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(health.report()).contains(result);
    }

    @Test
    void reportInPages_isTheWholeReportCutInPagesInNameOrder() {
        TestDriverHosts.register(pool, dir, 8, 16384, 100);
        TestDriverHosts.register(pool, dir, 8, 16384, 100);
        TestDriverHosts.register(pool, dir, 8, 16384, 100);
        List<HostHealth> whole = health.report();

        List<HostHealth> paged = new ArrayList<>();
        for (int offset = 0; offset < health.reportSize(); offset += 2) {
            paged.addAll(health.report(offset, 2));
        }

        assertThat(health.reportSize()).isEqualTo(whole.size());
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(pool.hosts(0, whole.size(), HostOrder.NAME, true)).extracting(HostView::name)
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void hostThatStopsAnswering_isDownAfterThreeFailuresAndActiveAgainWhenItAnswers() throws IOException {
        Path file = dir.resolve("late-" + UUID.randomUUID() + ".xml");
        HostView host = register("test://" + file, 4, 4096);

        HostHealth first = health.check(host.id());
        HostHealth second = health.check(host.id());
        assertThat(second.state()).as("two failures are not enough").isEqualTo(HostState.ACTIVE);
        assertThat(second.consecutiveFailures()).isEqualTo(2);
        assertThat(first.lastError()).contains("test://" + file).contains("facts");
        assertThat(second.lastAnswerAt()).isNull();

        HostHealth third = health.check(host.id());
        assertThat(third.state()).isEqualTo(HostState.DOWN);
        assertThat(pool.host(host.id()).orElseThrow().state()).isEqualTo(HostState.DOWN);
        assertThat(third.lastError()).isNotBlank();

        writeNode(file, 4, 4096);
        HostHealth back = health.check(host.id());
        assertThat(back.state()).isEqualTo(HostState.ACTIVE);
        assertThat(back.consecutiveFailures()).isZero();
        assertThat(back.lastError()).isNull();
        assertThat(back.lastAnswerAt()).isNotNull();
    }

    @Test
    void hostInMaintenance_isNeverMarkedDownNorActive() {
        HostView host = register("test://" + dir.resolve("gone-" + UUID.randomUUID() + ".xml"), 4, 4096);
        jdbc.sql("update host set state = 'MAINTENANCE' where id = :id").param("id", host.id()).update();

        for (int i = 0; i < 4; i++) {
            health.check(host.id());
        }

        HostHealth result = health.check(host.id());
        assertThat(result.state()).isEqualTo(HostState.MAINTENANCE);
        assertThat(result.consecutiveFailures()).isEqualTo(5);
    }

    @Test
    void hostRegisteredWithMoreThanItHas_getsACapacityWarning() throws IOException {
        Path file = dir.resolve("small-" + UUID.randomUUID() + ".xml");
        writeNode(file, 4, 8192);
        HostView host = register("test://" + file, 16, 65536);

        HostHealth result = health.check(host.id());

        assertThat(result.state()).isEqualTo(HostState.ACTIVE);
        assertThat(result.capacityWarning())
                .isEqualTo("16 CPUs are configured but the host reports 4; "
                        + "65536 MiB of memory are configured but the host reports 8192");
    }

    private HostView register(String uri, int cpus, long memoryMib) {
        return pool.register(new HostRegistration("h-" + UUID.randomUUID().toString().substring(0, 8), uri,
                HypervisorType.TEST, cpus, memoryMib, 10, 1.0, null));
    }

    private static void writeNode(Path file, int cpus, long memoryMib) throws IOException {
        Files.writeString(file, """
                <node><cpu><nodes>1</nodes><sockets>1</sockets><cores>%d</cores><threads>1</threads><active>%d</active></cpu>
                <memory>%d</memory></node>
                """.formatted(cpus, cpus, memoryMib * 1024));
    }
}
