package org.flatspace.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.flatspace.provisioning.host.HostOverhead;
import org.flatspace.provisioning.host.HostRegistration;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;

/** Registers libvirt test-driver hosts of a given size, each with its own node description file. */
public final class TestDriverHosts {

    private TestDriverHosts() {
    }

    public static HostView register(PoolService pool, Path dir, int cpus, long memoryMib, long diskGib) {
        return register(pool, dir, cpus, memoryMib, diskGib, Set.of());
    }

    /**
     * A host with tags: a test that asks for its own tag places only on its own hosts, whatever
     * other tests left in the shared database.
     */
    public static HostView register(PoolService pool, Path dir, int cpus, long memoryMib, long diskGib,
                                    Set<String> tags) {
        return register(pool, dir, cpus, memoryMib, diskGib, 1.0, HostOverhead.NONE, tags);
    }

    /** A host with CPU overcommit and overhead reserved for itself, as placement counts them. */
    public static HostView register(PoolService pool, Path dir, int cpus, long memoryMib, long diskGib,
                                    double cpuOvercommit, HostOverhead reserved, Set<String> tags) {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve(name + ".xml");
        try {
            Files.writeString(file, """
                    <node>
                      <cpu><nodes>1</nodes><sockets>1</sockets><cores>%d</cores><threads>1</threads><active>%d</active></cpu>
                      <memory>%d</memory>
                    </node>
                    """.formatted(cpus, cpus, memoryMib * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pool.register(new HostRegistration(name, "test://" + file.toAbsolutePath(), HypervisorType.TEST,
                cpus, memoryMib, diskGib, cpuOvercommit, "fd-" + name, 1.0, 1.0, reserved, tags));
    }
}
