package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.api.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The README's first command: the application as it starts with nothing configured (the demo on
 * H2 in a fresh data directory, its test-driver hosts, its people), driven through the REST API as
 * a script would. A request reaches ACTIVE with a running instance and is released; a request no
 * host can hold fails, raises its incident and is reviewed by an administrator.
 */
@ActiveProfiles(profiles = "demo", inheritProfiles = false)
@TestPropertySource(properties = "flatspace.data-dir=./target/h2-demo-${random.uuid}")
class DemoOnH2IT extends ApiIntegrationTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    TeamService teams;

    @Test
    void aRequestRunsAndEnds_andAFailureIsReviewed_onTheEmbeddedDefaults() throws Exception {
        String alice = tokenOf("alice");
        long id = submit(alice, "Payroll batch", 30);
        JsonNode active = awaitStatus(alice, id, "ACTIVE");
        assertThat(active.at("/instances/0/state").asText()).isEqualTo("RUNNING");
        assertThat(api.post(alice, "/api/v1/requests/" + id + "/release", null).status()).isEqualTo(200);
        awaitStatus(alice, id, "ENDED");

        // one instance larger than any demo host, within a quota an administrator raised for it
        String admin = tokenOf("admin");
        String paul = tokenOf("paul");
        long payroll = teams.teamNamed("Payroll").orElseThrow().id();
        long huge = catalog.createSize("h2-huge", 4096, 2048, 20).id();
        Answer quota = api.put(admin, "/api/v1/teams/" + payroll + "/quota",
                "{\"vcpu\": 5000, \"memoryMib\": 65536, \"diskGib\": 1000, \"instances\": 16}");
        assertThat(quota.status()).as("%s", quota.json()).isEqualTo(200);
        Answer created = api.post(alice, "/api/v1/requests", """
                {"functionId": %d, "sizeId": %d, "count": 1, "leaseEnd": "%s", "reason": "too large for any host"}"""
                .formatted(functionId(alice, "Payroll batch"), huge, LocalDate.now().plusDays(30)));
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        long failing = created.json().get("id").asLong();
        approve(paul, failing);
        approve(admin, failing);

        JsonNode failed = awaitRequest(alice, failing, r -> r.get("failureToReview").asBoolean(), "a failure to review");
        assertThat(failed.at("/summary/status").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/summary/statusReason").asText()).startsWith("no room for the instances");
        assertThat(api.post(alice, "/api/v1/requests/" + failing + "/failure-review", null).status()).isEqualTo(403);
        Answer reviewed = api.post(admin, "/api/v1/requests/" + failing + "/failure-review", null);
        assertThat(reviewed.status()).as("%s", reviewed.json()).isEqualTo(200);
        assertThat(reviewed.json().get("failureToReview").asBoolean()).isFalse();
    }

    /** The caller's decision on the request, from their inbox. */
    private void approve(String token, long requestId) throws InterruptedException {
        String task = null;
        for (int i = 0; i < 40 && task == null; i++) {
            for (JsonNode t : api.get(token, "/api/v1/approvals").json()) {
                if (t.at("/request/id").asLong() == requestId) {
                    task = t.get("taskId").asText();
                }
            }
            if (task == null) {
                Thread.sleep(250);
            }
        }
        assertThat(task).as("a decision on request %d in the inbox", requestId).isNotNull();
        Answer approved = api.post(token, "/api/v1/approvals/" + task + "/approve", "{\"comment\": \"fine\"}");
        assertThat(approved.status()).as("%s", approved.raw().body()).isEqualTo(204);
    }
}
