package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.flatspace.portal.api.ApiClient.Answer;
import org.junit.jupiter.api.Test;

/** Hosts are for administrators: teams never see where their instances run. */
class HostApiIT extends ApiIntegrationTest {

    @Test
    void admin_listsTheHostsWithTheirState() {
        Answer hosts = api.get(tokenOf("admin"), "/api/v1/hosts");
        assertThat(hosts.status()).isEqualTo(200);
        assertThat(hosts.json().findValuesAsText("name")).contains("demo-a1", "demo-a2", "demo-b1", "demo-b2");
        assertThat(hosts.json().findValuesAsText("state")).isNotEmpty();
    }

    @Test
    void requestersAndManagers_areRefusedWithA403() {
        for (String user : new String[] {"alice", "paul", "mike"}) {
            Answer hosts = api.get(tokenOf(user), "/api/v1/hosts");
            assertProblem(hosts, 403);
            assertThat(hosts.raw().body()).doesNotContain("demo-a1");
        }
    }
}
