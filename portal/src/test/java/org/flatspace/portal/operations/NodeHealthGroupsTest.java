package org.flatspace.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;

class NodeHealthGroupsTest {

    @Test
    void thePrimaryGroup_leavesOutTheHosts_andKeepsEverythingElse() {
        HealthEndpointGroup primary = mock(HealthEndpointGroup.class);
        when(primary.isMember(anyString())).thenReturn(true);
        HealthEndpointGroup pool = mock(HealthEndpointGroup.class);

        HealthEndpointGroups groups = new NodeHealthGroups()
                .postProcessHealthEndpointGroups(HealthEndpointGroups.of(primary, Map.of("pool", pool)));

        assertThat(groups.getPrimary().isMember("db")).isTrue();
        assertThat(groups.getPrimary().isMember("processEngine")).isTrue();
        assertThat(groups.getPrimary().isMember("hosts")).isFalse();
        assertThat(groups.getPrimary().isMember("hosts/demo-a1")).isFalse();
        assertThat(groups.getPrimary().isMember("hostsOfSomethingElse")).isTrue();
        assertThat(groups.getNames()).containsExactly("pool");
        assertThat(groups.get("pool")).isSameAs(pool);
    }
}
