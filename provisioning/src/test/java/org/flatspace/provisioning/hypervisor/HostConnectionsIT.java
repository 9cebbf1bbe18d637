package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
