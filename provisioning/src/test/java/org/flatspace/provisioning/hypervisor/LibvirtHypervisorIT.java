package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** Against libvirt's test driver: a fake host per test, sized by a host XML file. */
class LibvirtHypervisorIT {

    /** nodes x sockets x cores x threads gives the CPUs; active caps them; memory is in KiB. */
    private static final String HOST_XML = """
            <node>
              <cpu>
                <mode>host-passthrough</mode>
                <nodes>1</nodes><sockets>1</sockets><cores>8</cores><threads>1</threads>
                <active>6</active>
              </cpu>
              <memory>16777216</memory>
            </node>
            """;

    private final LibvirtHypervisor hypervisor = new LibvirtHypervisor();
    private String host;

    @BeforeEach
    void writeHost(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("host.xml");
        Files.writeString(file, HOST_XML);
        host = "test://" + file.toAbsolutePath();
    }

    @AfterEach
    void closeConnections() {
        hypervisor.close();
    }

    @Test
    void nativeLibrary_isAvailableHere() {
        assertThat(LibvirtHypervisor.nativeLibraryAvailable()).isTrue();
    }

    @Test
    void facts_reportTheConfiguredHost() {
        HostFacts facts = hypervisor.facts(host);

        assertThat(facts).isEqualTo(new HostFacts(6, 16_777_216L, "TEST", "i686", Set.of("test")));
        assertThat(facts.memoryMib()).isEqualTo(16_384);
    }

    @Test
    void defineAndStart_runsTheDomainAndListsIt() {
        DomainSpec spec = spec("web-1");

        assertThat(hypervisor.defineAndStart(host, spec)).isEqualTo(DomainState.RUNNING);

        assertThat(hypervisor.state(host, spec.id())).isEqualTo(DomainState.RUNNING);
        assertThat(hypervisor.list(host)).containsExactly(new DomainInfo(spec.id(), "web-1", DomainState.RUNNING));
    }

    @Test
    void defineAndStartTwice_leavesExactlyOneRunningDomain() {
        DomainSpec spec = spec("web-1");

        hypervisor.defineAndStart(host, spec);
        assertThat(hypervisor.defineAndStart(host, spec)).isEqualTo(DomainState.RUNNING);

        assertThat(hypervisor.list(host)).containsExactly(new DomainInfo(spec.id(), "web-1", DomainState.RUNNING));
    }

    @Test
    void defineAndStart_afterDestroyAndUndefine_definesItAgain() {
        DomainSpec spec = spec("web-1");
        hypervisor.defineAndStart(host, spec);
        hypervisor.destroyAndUndefine(host, spec.id());

        assertThat(hypervisor.defineAndStart(host, spec)).isEqualTo(DomainState.RUNNING);
        assertThat(hypervisor.list(host)).hasSize(1);
    }

    @Test
    void destroyAndUndefine_removesTheDomain() {
        DomainSpec keep = spec("keep");
        DomainSpec remove = spec("remove");
        hypervisor.defineAndStart(host, keep);
        hypervisor.defineAndStart(host, remove);

        hypervisor.destroyAndUndefine(host, remove.id());

        assertThat(hypervisor.state(host, remove.id())).isEqualTo(DomainState.NOT_FOUND);
        assertThat(hypervisor.list(host)).extracting(DomainInfo::id).containsExactly(keep.id());
    }

    @Test
    void destroyAndUndefineOfAnUnknownDomain_doesNothing() {
        DomainSpec spec = spec("web-1");
        hypervisor.defineAndStart(host, spec);

        hypervisor.destroyAndUndefine(host, UUID.randomUUID());
        hypervisor.destroyAndUndefine(host, spec.id());
        hypervisor.destroyAndUndefine(host, spec.id());

        assertThat(hypervisor.list(host)).isEmpty();
    }

    @Test
    void shutdown_stopsTheDomainButKeepsItDefined() {
        DomainSpec spec = spec("web-1");
        hypervisor.defineAndStart(host, spec);

        assertThat(hypervisor.shutdown(host, spec.id(), Duration.ofSeconds(5))).isEqualTo(DomainState.SHUT_OFF);

        assertThat(hypervisor.state(host, spec.id())).isEqualTo(DomainState.SHUT_OFF);
        assertThat(hypervisor.shutdown(host, spec.id(), Duration.ofSeconds(5))).isEqualTo(DomainState.SHUT_OFF);
        assertThat(hypervisor.defineAndStart(host, spec)).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void shutdownOfAnUnknownDomain_saysNotFound() {
        assertThat(hypervisor.shutdown(host, UUID.randomUUID(), Duration.ofSeconds(1)))
                .isEqualTo(DomainState.NOT_FOUND);
    }

    @Test
    void unknownDomain_isNotFound() {
        assertThat(hypervisor.state(host, UUID.randomUUID())).isEqualTo(DomainState.NOT_FOUND);
    }

    @Test
    void everyHostKeepsItsOwnDomains(@TempDir Path otherDir) throws IOException {
        Path otherFile = otherDir.resolve("host.xml");
        Files.writeString(otherFile, HOST_XML);
        String other = "test://" + otherFile.toAbsolutePath();
        DomainSpec spec = spec("web-1");

        hypervisor.defineAndStart(host, spec);

        assertThat(hypervisor.state(other, spec.id())).isEqualTo(DomainState.NOT_FOUND);
        assertThat(hypervisor.list(host)).hasSize(1);
    }

    @Test
    void nameTakenByAnotherInstance_failsNamingHostAndOperation() {
        hypervisor.defineAndStart(host, spec("web-1"));
        DomainSpec clash = spec("web-1");

        assertThatThrownBy(() -> hypervisor.defineAndStart(host, clash))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining(host)
                .hasMessageContaining("defineAndStart(" + clash.id() + ")")
                .hasMessageContaining("already exists");
    }

    @Test
    void qemuDomainXml_isAcceptedByLibvirt() {
        DomainSpec spec = new DomainSpec(UUID.randomUUID(), "q-1", "QEMU <tcg> & co", DomainKind.QEMU, 1, 64);

        assertThat(hypervisor.defineAndStart(host, spec)).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void refusedConnection_failsNamingHostAndOperation() {
        String unreachable = "qemu+tcp://127.0.0.1:1/system";

        assertThatThrownBy(() -> hypervisor.list(unreachable))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining(unreachable)
                .hasMessageContaining("list")
                .satisfies(e -> assertThat(((HypervisorException) e).hostUri()).isEqualTo(unreachable))
                .satisfies(e -> assertThat(((HypervisorException) e).operation()).isEqualTo("list"));
    }

    @Test
    void missingHostFile_failsNamingHostAndOperation() {
        String missing = "test:///nonexistent/file.xml";
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> hypervisor.state(missing, id))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("state(" + id + ")");
    }

    @Test
    void testDriverHosts_cannotMigrateLive_soTheCallerMovesThemCold() {
        DomainSpec spec = spec("web-1");
        hypervisor.defineAndStart(host, spec);

        assertThatThrownBy(() -> hypervisor.migrateLive(host, "test:///default", spec.id()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("test driver cannot migrate");
        assertThat(hypervisor.state(host, spec.id())).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void defaultTestHost_works() {
        String demo = "test:///default";
        DomainSpec spec = spec("flatspace-it-" + UUID.randomUUID());
        try {
            assertThat(hypervisor.facts(demo).hypervisorType()).isEqualTo("TEST");
            assertThat(hypervisor.defineAndStart(demo, spec)).isEqualTo(DomainState.RUNNING);
            assertThat(hypervisor.list(demo)).contains(new DomainInfo(spec.id(), spec.name(), DomainState.RUNNING));
        } finally {
            hypervisor.destroyAndUndefine(demo, spec.id());
        }
        assertThat(hypervisor.state(demo, spec.id())).isEqualTo(DomainState.NOT_FOUND);
    }

    /** The demo host's state is shared by every connection in the process, so a second one can set it up. */
    @Test
    void definedButStoppedDomain_isListedShutOffAndThenStarted() throws LibvirtException {
        String demo = "test:///default";
        DomainSpec spec = spec("flatspace-it-" + UUID.randomUUID());
        Connect other = new Connect(demo);
        try {
            other.domainDefineXML(DomainXml.of(spec)).free();
            assertThat(hypervisor.list(demo)).contains(new DomainInfo(spec.id(), spec.name(), DomainState.SHUT_OFF));
            assertThat(hypervisor.state(demo, spec.id())).isEqualTo(DomainState.SHUT_OFF);

            assertThat(hypervisor.defineAndStart(demo, spec)).isEqualTo(DomainState.RUNNING);
        } finally {
            hypervisor.destroyAndUndefine(demo, spec.id());
            other.close();
        }
    }

    private static DomainSpec spec(String name) {
        return new DomainSpec(UUID.randomUUID(), name, "integration test", DomainKind.TEST, 1, 64);
    }
}
