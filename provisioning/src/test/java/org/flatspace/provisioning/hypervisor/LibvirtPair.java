package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two real libvirt QEMU hosts that {@code .mvn/libvirt-pair start} runs on this machine, read
 * from the hosts file it writes. Tests that use the pair hold its lock: one of them kills a
 * daemon, and a test run of someone else in the same checkout must not see that.
 */
public final class LibvirtPair implements AutoCloseable {

    /** One of the two hosts: how this machine connects to it, how the other host reaches it. */
    public record Host(String name, String uri, String migrationUri, Path pidFile) {
    }

    private static final Logger log = LoggerFactory.getLogger(LibvirtPair.class);
    private static final Path DIR = Path.of(System.getenv().getOrDefault("FLATSPACE_LIBVIRT_PAIR_DIR",
            "/var/lib/flatspace-libvirt-pair"));
    private static final String START = "sudo bash .mvn/libvirt-pair start";

    private final Host h1;
    private final Host h2;
    private final FileChannel lockFile;
    private final FileLock lock;

    private LibvirtPair(Host h1, Host h2, FileChannel lockFile, FileLock lock) {
        this.h1 = h1;
        this.h2 = h2;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * The running pair, locked for the caller until {@link #close}; waits while another test run
     * holds it.
     *
     * @throws AssertionError saying how to start the pair when it does not run: CI must not skip these tests
     */
    public static LibvirtPair acquire() throws IOException, InterruptedException {
        Path hostsFile = DIR.resolve("hosts.properties");
        assertThat(hostsFile).as("%s is missing: the two libvirt test hosts do not run. Start them as root with"
                + " `%s` (.mvn/test-prerequisites does it when run as root)", hostsFile, START).isRegularFile();
        Properties hosts = new Properties();
        try (InputStream in = Files.newInputStream(hostsFile)) {
            hosts.load(in);
        }
        FileChannel channel = FileChannel.open(DIR.resolve("tests.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        long waitStart = System.nanoTime();
        FileLock lock = channel.lock();
        long waited = (System.nanoTime() - waitStart) / 1_000_000;
        if (waited > 100) {
            log.info("Waited {} ms for another test run to release the libvirt pair", waited);
        }
        LibvirtPair pair = new LibvirtPair(host(hosts, "h1"), host(hosts, "h2"), channel, lock);
        pair.start(); // a previous run may have left a daemon killed
        return pair;
    }

    public Host h1() {
        return h1;
    }

    public Host h2() {
        return h2;
    }

    /** Kills the host's libvirtd without warning, as a crash would; its QEMU processes go on. */
    public void kill(Host host) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(host.pidFile()).strip());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(
                host.name() + "'s libvirtd (pid " + pid + ") does not run"));
        assertThat(daemon.info().command()).as("pid %s of %s", pid, host.pidFile()).hasValueSatisfying(
                command -> assertThat(command).endsWith("libvirtd"));
        daemon.destroyForcibly();
        try {
            daemon.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(host.name() + "'s libvirtd (pid " + pid + ") did not die", e);
        }
        log.info("Killed {}'s libvirtd (pid {})", host.name(), pid);
    }

    /** Starts whatever of the pair does not run, with the script CI uses. */
    public void start() throws IOException, InterruptedException {
        run("bash", script().toString(), "start");
    }

    /** Starts the pair again only if a daemon does not run: cheaper than {@link #start} between tests. */
    public void startIfStopped() throws IOException, InterruptedException {
        if (!runs(h1) || !runs(h2)) {
            start();
        }
    }

    /** virsh against the host's own daemon: a client Flatspace did not write. Fails when virsh does. */
    public String virsh(Host host, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", host.uri()));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockFile.close();
    }

    private static boolean runs(Host host) throws IOException {
        if (!Files.isRegularFile(host.pidFile())) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(host.pidFile()).strip()))
                .flatMap(daemon -> daemon.info().command())
                .filter(command -> command.endsWith("libvirtd"))
                .isPresent();
    }

    private static Host host(Properties hosts, String name) {
        String uri = hosts.getProperty(name + ".uri");
        assertThat(uri).as("%s.uri in %s", name, DIR.resolve("hosts.properties")).isNotBlank();
        return new Host(name, uri, hosts.getProperty(name + ".migrationUri"),
                Path.of(hosts.getProperty(name + ".pidFile")));
    }

    /** .mvn/libvirt-pair of this checkout: Maven runs the tests in the module's directory. */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(".mvn/libvirt-pair");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new AssertionError("no .mvn/libvirt-pair above " + Path.of("").toAbsolutePath());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as("%s said: %s", String.join(" ", command), output).isZero();
        return output;
    }
}
