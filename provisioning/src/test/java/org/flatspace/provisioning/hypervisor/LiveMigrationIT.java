package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.flatspace.provisioning.hypervisor.LibvirtPair.Host;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real live migrations of a small QEMU domain (software emulation, no disk) between the two libvirt
 * hosts of .mvn/libvirt-pair, through the adapter, checked with virsh against each host's own
 * daemon. Fails, rather than skips, when the pair does not run.
 */
class LiveMigrationIT {

    private static final Logger log = LoggerFactory.getLogger(LiveMigrationIT.class);
    private static final Duration MOST_DOWNTIME = Duration.ofSeconds(2);
    /** Generous: 0.6 s is usual here, but the machine is shared. */
    private static final Duration MOST_TOOK = Duration.ofSeconds(10);
    /** A failed call to a dead host must not wait for any timeout. */
    private static final Duration FAST = Duration.ofSeconds(2);

    private static LibvirtPair pair;
    private static Host h1;
    private static Host h2;

    private final LibvirtHypervisor hypervisor = new LibvirtHypervisor();
    private final List<UUID> domains = new ArrayList<>();

    @BeforeAll
    static void acquireThePair() throws Exception {
        pair = LibvirtPair.acquire();
        h1 = pair.h1();
        h2 = pair.h2();
    }

    @AfterAll
    static void releaseThePair() throws IOException {
        if (pair != null) {
            pair.close();
        }
    }

    @AfterEach
    void removeTheDomains() throws Exception {
        hypervisor.close();
        pair.startIfStopped(); // a test that killed a daemon and failed before starting it again
        try (LibvirtHypervisor cleanup = new LibvirtHypervisor()) {
            for (UUID id : domains) {
                cleanup.destroyAndUndefine(h1.uri(), id);
                cleanup.destroyAndUndefine(h2.uri(), id);
            }
        }
    }

    @Test
    void runningDomain_movesLiveToTheOtherHostAndBack_asVirshSeesIt() throws Exception {
        DomainSpec spec = runningOn(h1);

        LiveMigration there = hypervisor.migrateLive(h1.uri(), h2.uri(), spec.id());
        log.info("h1 -> h2: took {} ms, downtime {} ms", there.took().toMillis(), downtimeMillis(there));

        assertRunsOnlyOn(h2, h1, spec);
        assertPlausible(there);

        LiveMigration back = hypervisor.migrateLive(h2.uri(), h1.uri(), spec.id());
        log.info("h2 -> h1: took {} ms, downtime {} ms", back.took().toMillis(), downtimeMillis(back));

        assertRunsOnlyOn(h1, h2, spec);
        assertPlausible(back);
        assertThat(hypervisor.state(h1.uri(), spec.id())).isEqualTo(DomainState.RUNNING);
        assertThat(hypervisor.state(h2.uri(), spec.id())).isEqualTo(DomainState.NOT_FOUND);
    }

    @Test
    void migratingAgain_whenTheDomainAlreadyRunsOnTheTarget_returnsAtOnceAndChangesNothing() throws Exception {
        DomainSpec spec = runningOn(h1);
        hypervisor.migrateLive(h1.uri(), h2.uri(), spec.id());

        LiveMigration again = hypervisor.migrateLive(h1.uri(), h2.uri(), spec.id());

        assertThat(again.downtime()).as("no migration, no downtime").isEmpty();
        assertThat(again.took()).isLessThan(FAST);
        assertRunsOnlyOn(h2, h1, spec);
    }

    @Test
    void migratingAgain_whenAnEarlierMigrationLeftAStoppedCopyOnTheSource_removesTheCopy(@TempDir Path dir)
            throws Exception {
        DomainSpec spec = runningOn(h1);
        hypervisor.migrateLive(h1.uri(), h2.uri(), spec.id());
        Path xml = dir.resolve("domain.xml");
        Files.writeString(xml, pair.virsh(h2, "dumpxml", "--inactive", spec.id().toString()));
        pair.virsh(h1, "define", xml.toString());
        assertThat(pair.virsh(h1, "domstate", spec.id().toString())).isEqualTo("shut off");

        hypervisor.migrateLive(h1.uri(), h2.uri(), spec.id());

        assertRunsOnlyOn(h2, h1, spec);
    }

    @Test
    void tenMigrations_eachPausesTheGuestBrieflyAndTakesSeconds() throws Exception {
        DomainSpec spec = runningOn(h1);
        List<LiveMigration> migrations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Host from = i % 2 == 0 ? h1 : h2;
            Host to = i % 2 == 0 ? h2 : h1;
            migrations.add(hypervisor.migrateLive(from.uri(), to.uri(), spec.id()));
        }

        migrations.forEach(LiveMigrationIT::assertPlausible);
        assertRunsOnlyOn(h1, h2, spec);
        log.info("10 live migrations: took {} ms, downtime {} ms (min / median / max)",
                spread(migrations.stream().map(LiveMigration::took).toList()),
                spread(migrations.stream().map(m -> m.downtime().orElseThrow()).toList()));
    }

    @Test
    void domainThatExistsNowhere_failsNamingTheSourceAndTheOperation() {
        UUID nowhere = UUID.randomUUID();

        assertThatThrownBy(() -> hypervisor.migrateLive(h1.uri(), h2.uri(), nowhere))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining("migrateLive(" + nowhere + ")")
                .hasMessageContaining("no domain " + nowhere)
                .satisfies(e -> assertThat(((HypervisorException) e).hostUri()).isEqualTo(h1.uri()));
    }

    @Test
    void migrationLibvirtRefuses_failsAndLeavesTheDomainRunningOnTheSource() throws Exception {
        DomainSpec spec = runningOn(h1);
        // Another domain of the same name on the target: libvirt refuses to bring this one in.
        DomainSpec namesake = new DomainSpec(UUID.randomUUID(), spec.name(), null, DomainKind.QEMU, 1, 64);
        domains.add(namesake.id());
        try (LibvirtHypervisor other = new LibvirtHypervisor()) {
            other.defineAndStart(h2.uri(), namesake);
        }

        assertThatThrownBy(() -> hypervisor.migrateLive(h1.uri(), h2.uri(), spec.id()))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining("migrateLive(" + spec.id() + ") to " + h2.uri())
                .hasMessageContaining("still RUNNING on the source");

        assertThat(pair.virsh(h1, "domstate", spec.id().toString())).isEqualTo("running");
        assertThat(pair.virsh(h2, "list", "--all", "--uuid")).doesNotContain(spec.id().toString());
    }

    @Test
    void targetDaemonStopped_failsFastNamingTheTarget_andTheDomainKeepsRunningOnTheSource() throws Exception {
        DomainSpec spec = runningOn(h1);
        pair.kill(h2);

        long start = System.nanoTime();
        assertThatThrownBy(() -> hypervisor.migrateLive(h1.uri(), h2.uri(), spec.id()))
                .isInstanceOf(HypervisorException.class)
                .satisfies(e -> assertThat(((HypervisorException) e).hostUri()).isEqualTo(h2.uri()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);

        assertThat(pair.virsh(h1, "domstate", spec.id().toString())).isEqualTo("running");
        pair.start();
        assertThat(pair.virsh(h2, "list", "--all", "--uuid")).doesNotContain(spec.id().toString());
    }

    @Test
    void hostFailure_callsToItFailFastWhileTheOtherAnswers_untilItIsStartedAgain() throws Exception {
        DomainSpec onH2 = runningOn(h1);
        hypervisor.migrateLive(h1.uri(), h2.uri(), onH2.id());
        DomainSpec onH1 = runningOn(h1);

        pair.kill(h2);

        for (int call = 1; call <= 3; call++) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> hypervisor.state(h2.uri(), onH2.id()))
                    .isInstanceOf(HypervisorException.class)
                    .hasMessageContaining(h2.uri());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            log.info("Call {} to the dead host failed in {} ms", call, took.toMillis());
            assertThat(took).isLessThan(FAST);
        }
        assertThat(hypervisor.state(h1.uri(), onH1.id())).isEqualTo(DomainState.RUNNING);
        assertThat(hypervisor.list(h1.uri())).extracting(DomainInfo::id).contains(onH1.id());

        pair.start();

        // The health check's probe reaches a host that comes back even while calls to it back off.
        assertThat(hypervisor.facts(h2.uri()).hypervisorType()).isEqualTo("QEMU");
        // Only the daemon died: its QEMU went on, and the new daemon finds it again.
        assertThat(hypervisor.state(h2.uri(), onH2.id())).isEqualTo(DomainState.RUNNING);
        assertThat(pair.virsh(h2, "domstate", onH2.id().toString())).isEqualTo("running");
    }

    private DomainSpec runningOn(Host host) {
        UUID id = UUID.randomUUID();
        DomainSpec spec = new DomainSpec(id, "flatspace-it-" + id, "Flatspace live migration test",
                DomainKind.QEMU, 1, 64);
        domains.add(id);
        assertThat(hypervisor.defineAndStart(host.uri(), spec)).isEqualTo(DomainState.RUNNING);
        return spec;
    }

    private static void assertRunsOnlyOn(Host on, Host off, DomainSpec spec) throws Exception {
        String id = spec.id().toString();
        assertThat(pair.virsh(on, "domstate", id)).isEqualTo("running");
        assertThat(pair.virsh(on, "dominfo", id)).as("defined on %s, not only running", on.name())
                .containsPattern("Persistent:\\s+yes");
        assertThat(pair.virsh(off, "list", "--all", "--uuid")).as("gone from %s", off.name()).doesNotContain(id);
    }

    private static void assertPlausible(LiveMigration migration) {
        assertThat(migration.downtime()).as("downtime from libvirt's job statistics")
                .hasValueSatisfying(downtime -> assertThat(downtime).isPositive().isLessThan(MOST_DOWNTIME));
        assertThat(migration.took()).isGreaterThan(migration.downtime().orElseThrow()).isLessThan(MOST_TOOK);
    }

    private static Object downtimeMillis(LiveMigration migration) {
        return migration.downtime().map(Duration::toMillis).orElse(null);
    }

    private static String spread(List<Duration> durations) {
        List<Long> millis = durations.stream().map(Duration::toMillis).sorted(Comparator.naturalOrder()).toList();
        return millis.get(0) + " / " + millis.get(millis.size() / 2) + " / " + millis.get(millis.size() - 1);
    }
}
