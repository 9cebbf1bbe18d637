package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

class HostConnectionsIT {

    private static final String HOST = "test:///default";

    private final HostConnections connections = new HostConnections();

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void callsToOneHost_shareOneConnection() {
        Connect first = connections.call(HOST, "first", connect -> connect);
        Connect second = connections.call(HOST, "second", connect -> connect);

        assertThat(second).isSameAs(first);
    }

    @Test
    void deadConnection_isReopenedAndTheCallRetriedOnce() {
        List<Connect> seen = new ArrayList<>();

        int cpus = connections.call(HOST, "facts", connect -> {
            seen.add(connect);
            if (seen.size() == 1) {
                connect.close();
            }
            return connect.nodeInfo().cpus;
        });

        assertThat(cpus).isPositive();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isNotSameAs(seen.get(0));
        Connect afterwards = connections.call(HOST, "again", connect -> connect);
        assertThat(afterwards).isSameAs(seen.get(1));
    }

    @Test
    void hostThatCannotBeReached_isLeftAloneForTheBackOffButAProbeStillTries(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("host.xml");
        String host = "test://" + file;
        HostConnections backingOff = new HostConnections(new HostConnections.Settings(HostCredentials.NONE,
                Duration.ofHours(1), Duration.ofHours(2), false, Clock.systemUTC()));
        try {
            assertThatThrownBy(() -> backingOff.call(host, "first", connect -> connect))
                    .isInstanceOf(HypervisorException.class)
                    .hasMessageContaining("first on " + host);
            Files.writeString(file, "<node><cpu><active>2</active></cpu><memory>1048576</memory></node>");

            assertThatThrownBy(() -> backingOff.call(host, "second", connect -> connect))
                    .as("not tried again within the back-off, although the host is there now")
                    .isInstanceOf(HypervisorException.class)
                    .hasMessageContaining("not tried again until")
                    .hasMessageContaining("1 failed connection attempt(s)");

            int cpusSeenByProbe = backingOff.probe(host, "probe", connect -> connect.nodeInfo().cpus);
            int cpusSeenAfter = backingOff.call(host, "after", connect -> connect.nodeInfo().cpus);
            assertThat(cpusSeenByProbe).isEqualTo(2);
            assertThat(cpusSeenAfter).isEqualTo(2);
        } finally {
            backingOff.close();
        }
    }

    @Test
    void failureOnALiveConnection_isNotRetried() {
        List<Connect> seen = new ArrayList<>();

        assertThatThrownBy(() -> connections.call(HOST, "lookup", connect -> {
            seen.add(connect);
            return connect.domainLookupByName("flatspace-no-such-domain");
        }))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining("lookup on test:///default failed");
        assertThat(seen).hasSize(1);
    }
}
