package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.api.ApiClient.Answer;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.instance.ProvisionOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What administrators do with hosts and quotas, from a script: drain a host (the plan first, then
 * the confirmation), follow it to maintenance and take it out; set a team's quota. Bad input and
 * steps that do not fit the host's state get a problem detail, never a 500; nobody else may.
 */
class PoolAdminApiIT extends ApiIntegrationTest {

    @Autowired
    PoolService pool;
    @Autowired
    InstanceService instances;
    @Autowired
    TeamService teams;
    @Autowired
    QuotaService quotas;

    @Test
    void admin_drainsAHost_seesThePlan_confirms_andTakesItOutOfMaintenance() throws Exception {
        InstanceView vm = instances.provision(new ProvisionOrder("api-drain-" + UUID.randomUUID(), 1, 1, "API drain",
                "small", 1, 256, 1, List.of(UUID.randomUUID()))).get(0);
        long host = vm.hostId();
        String admin = tokenOf("admin");

        Answer plan = api.post(admin, "/api/v1/hosts/" + host + "/drain", null);
        assertThat(plan.status()).isEqualTo(201);
        assertThat(plan.json().get("state").asText()).isEqualTo("PROPOSED");
        assertThat(plan.json().get("moves").findValuesAsText("instanceName")).contains(vm.name());
        assertThat(api.get(admin, "/api/v1/hosts/" + host).json().get("waitingFor").asText())
                .isEqualTo("CONFIRM_DRAIN");

        assertThat(api.post(admin, "/api/v1/hosts/" + host + "/drain/confirm", null).status()).isEqualTo(204);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String state = "";
        while (Instant.now().isBefore(until) && !state.equals("MAINTENANCE")) {
            Thread.sleep(200);
            state = api.get(admin, "/api/v1/hosts/" + host).json().get("host").get("state").asText();
        }
        assertThat(state).isEqualTo("MAINTENANCE");
        assertThat(api.get(admin, "/api/v1/hosts/" + host).json().get("instances")).isEmpty();

        Answer again = api.post(admin, "/api/v1/hosts/" + host + "/drain", null);
        assertProblem(again, 409);
        assertThat(again.json().get("detail").asText()).endsWith("only an active host can be drained");

        assertThat(api.post(admin, "/api/v1/hosts/" + host + "/leave-maintenance", null).status()).isEqualTo(204);
        assertThat(api.get(admin, "/api/v1/hosts/" + host).json().get("host").get("state").asText())
                .isEqualTo("ACTIVE");
        assertProblem(api.post(admin, "/api/v1/hosts/" + host + "/leave-maintenance", null), 409);
    }

    @Test
    void stepsThatFitNothing_andUnknownHosts_getAProblemNotA500() {
        String admin = tokenOf("admin");
        HostView any = pool.hosts().get(0);
        assertProblem(api.post(admin, "/api/v1/hosts/" + any.id() + "/drain/confirm", null), 409);
        assertProblem(api.post(admin, "/api/v1/hosts/" + any.id() + "/fencing", null), 409);
        assertProblem(api.get(admin, "/api/v1/hosts/987654321"), 404);
        assertProblem(api.post(admin, "/api/v1/hosts/987654321/drain", null), 404);
        assertFieldError(api.post(admin, "/api/v1/hosts/" + any.id() + "/drain/decision", "{\"decision\": \"maybe\"}"),
                "decision");
        assertFieldError(api.post(admin, "/api/v1/plans/rebalance", "{\"goal\": \"sideways\"}"), "goal");
        assertProblem(api.post(admin, "/api/v1/plans/rebalance", "not json"), 400);
        assertProblem(api.get(admin, "/api/v1/plans/rebalance"), 404);
    }

    @Test
    void admin_setsATeamsQuota_andBadLimitsAreRefusedFieldByField() {
        String admin = tokenOf("admin");
        long shop = teams.teamNamed("Web shop").orElseThrow().id();
        QuotaUsage before = quotas.usage(shop);
        try {
            Answer set = api.put(admin, "/api/v1/teams/" + shop + "/quota",
                    "{\"vcpu\": 0, \"memoryMib\": 2048, \"diskGib\": 10, \"instances\": 100}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("usage").get("limits").get("memoryMib").asLong()).isEqualTo(2048);
            assertThat(quotas.usage(shop).limits().vcpu()).isZero();
            if (before.allocated().vcpu() + before.reserved().vcpu() > 0) {
                assertThat(set.json().get("belowUse").toString()).contains("vcpu");
            }

            Answer bad = api.put(admin, "/api/v1/teams/" + shop + "/quota",
                    "{\"vcpu\": -1, \"memoryMib\": 99999999999999, \"instances\": 3}");
            assertFieldError(bad, "vcpu");
            assertFieldError(bad, "memoryMib");
            assertFieldError(bad, "diskGib");
            assertProblem(api.put(admin, "/api/v1/teams/" + shop + "/quota", "{\"vcpu\": \"many\"}"), 400);
            assertProblem(api.put(admin, "/api/v1/teams/987654321/quota",
                    "{\"vcpu\": 1, \"memoryMib\": 1, \"diskGib\": 1, \"instances\": 1}"), 404);
            assertThat(quotas.usage(shop).limits().memoryMib()).isEqualTo(2048);
        } finally {
            quotas.setLimits(shop, before.limits());
        }
    }

    @Test
    void requestersAndManagers_mayDoNoneOfIt() {
        long host = pool.hosts().get(0).id();
        long payroll = teams.teamNamed("Payroll").orElseThrow().id();
        for (String user : new String[] {"alice", "paul"}) {
            String token = tokenOf(user);
            assertProblem(api.get(token, "/api/v1/hosts/" + host), 403);
            assertProblem(api.post(token, "/api/v1/hosts/" + host + "/drain", null), 403);
            assertProblem(api.post(token, "/api/v1/hosts/" + host + "/fencing", null), 403);
            assertProblem(api.post(token, "/api/v1/plans/rebalance", "{\"goal\": \"BALANCE\"}"), 403);
            assertProblem(api.get(token, "/api/v1/plans"), 403);
            assertProblem(api.get(token, "/api/v1/teams/quotas"), 403);
            assertProblem(api.put(token, "/api/v1/teams/" + payroll + "/quota",
                    "{\"vcpu\": 1000, \"memoryMib\": 1, \"diskGib\": 1, \"instances\": 1000}"), 403);
        }
        assertThat(pool.host(host).orElseThrow().state().name()).isEqualTo("ACTIVE");
    }
}
