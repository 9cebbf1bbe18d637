package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real QEMU VM (software emulation, no disk) under qemu:///system, through the adapter, checked
 * with virsh: a client Flatspace did not write. Needs libvirtd running (.mvn/test-prerequisites).
 */
class QemuDomainIT {

    private static final Logger log = LoggerFactory.getLogger(QemuDomainIT.class);
    private static final String HOST = "qemu:///system";
    /** A diskless guest has no OS to hear the ACPI button, so this is how long the test waits before destroy. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);

    private final LibvirtHypervisor hypervisor = new LibvirtHypervisor();
    private final DomainSpec spec = new DomainSpec(UUID.randomUUID(), "flatspace-it-" + UUID.randomUUID(),
            "Flatspace QEMU test <&>", DomainKind.QEMU, 1, 64);

    @AfterEach
    void removeTheDomain() {
        hypervisor.destroyAndUndefine(HOST, spec.id());
        hypervisor.close();
    }

    @Test
    void qemuDomain_startsRunsShutsDownAndIsUndefined_asVirshSeesIt() throws Exception {
        long start = System.nanoTime();
        assertThat(hypervisor.defineAndStart(HOST, spec)).isEqualTo(DomainState.RUNNING);
        log.info("QEMU domain defined and started in {} ms", (System.nanoTime() - start) / 1_000_000);

        assertThat(virsh("domstate", spec.id().toString())).isEqualTo("running");
        assertThat(virsh("dommemstat", spec.id().toString())).contains("actual 65536");
        assertThat(hypervisor.defineAndStart(HOST, spec)).as("again: no second VM").isEqualTo(DomainState.RUNNING);
        assertThat(hypervisor.list(HOST)).filteredOn(d -> d.id().equals(spec.id())).hasSize(1);

        long stop = System.nanoTime();
        assertThat(hypervisor.shutdown(HOST, spec.id(), SHUTDOWN_TIMEOUT)).isEqualTo(DomainState.SHUT_OFF);
        log.info("QEMU domain shut down (graceful, then destroy) in {} ms", (System.nanoTime() - stop) / 1_000_000);
        assertThat(virsh("domstate", spec.id().toString())).isEqualTo("shut off");

        hypervisor.destroyAndUndefine(HOST, spec.id());
        assertThat(virsh("list", "--all", "--uuid")).doesNotContain(spec.id().toString());
        assertThat(hypervisor.state(HOST, spec.id())).isEqualTo(DomainState.NOT_FOUND);
    }

    private static String virsh(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "virsh";
        command[1] = "-c";
        command[2] = HOST;
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("virsh %s said: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
