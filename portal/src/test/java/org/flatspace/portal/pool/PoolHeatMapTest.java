package org.flatspace.portal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.flatspace.provisioning.host.HostOverhead;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.junit.jupiter.api.Test;

class PoolHeatMapTest {

    @Test
    void everyHostIsOneSquare_titledWithItsNameAndUse_andTheFaultDomainsLabelTheRows() {
        List<HostView> hosts = List.of(host("a1", "rack-a", HostState.ACTIVE, 8), host("a2", "rack-a",
                HostState.ACTIVE, 0), host("b1", "rack-b", HostState.DOWN, 4), host("b2", "rack-b",
                HostState.MAINTENANCE, 0));

        String svg = PoolHeatMap.svg(hosts);

        assertThat(svg).startsWith("<svg").contains("rack-a").contains("rack-b");
        assertThat(Pattern.compile("<title>").matcher(svg).results().count()).isEqualTo(4);
        assertThat(svg).contains("<title>a1: active, 50% used (8 of 16 vCPU")
                .contains("<title>b1: down, 25% used").contains("<title>b2: maintenance, 0% used");
    }

    @Test
    void theColourGoesFromGreenThroughAmberToRed_byTheMostUsedResource() {
        assertThat(PoolHeatMap.heat(0)).isEqualTo(new Color(0x2E9E5B));
        assertThat(PoolHeatMap.heat(0.5)).isEqualTo(new Color(0xF0A020));
        assertThat(PoolHeatMap.heat(1)).isEqualTo(new Color(0xD83A34));
        assertThat(PoolHeatMap.heat(2)).as("overcommitted beyond the limit is just full").isEqualTo(new Color(0xD83A34));
        HostView memoryBound = new HostView(1, "m", "test:///m", HypervisorType.TEST, HostState.ACTIVE, 16, 1024, 100,
                1.0, null, 1, 768, 0, 1.0, 1.0, HostOverhead.NONE, Set.of());
        assertThat(PoolHeatMap.share(memoryBound)).isEqualTo(0.75);
    }

    private static HostView host(String name, String domain, HostState state, int vcpu) {
        return new HostView(name.hashCode(), name, "test:///" + name, HypervisorType.TEST, state, 16, 16384, 100, 1.0,
                domain, vcpu, 1024L * vcpu / 4, 0, 1.0, 1.0, HostOverhead.NONE, Set.of());
    }
}
