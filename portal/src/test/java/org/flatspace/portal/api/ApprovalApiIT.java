package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.flatspace.portal.api.ApiClient.Answer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Decisions through the API: only a manager of the team, never the one who asked. */
class ApprovalApiIT extends ApiIntegrationTest {

    @Test
    void managerApprovesTeamsRequest_afterRequesterAndOtherTeamsManagerAreRefused() throws Exception {
        String alice = tokenOf("alice");
        String paul = tokenOf("paul");
        long id = submit(alice, "Payroll API", 30);
        awaitStatus(alice, id, "PENDING_APPROVAL");
        String task = taskFor(paul, id);

        Answer byRequester = api.post(alice, "/api/v1/approvals/" + task + "/approve", null);
        assertProblem(byRequester, 403);
        Answer byOtherTeam = api.post(tokenOf("mike"), "/api/v1/approvals/" + task + "/approve", null);
        assertProblem(byOtherTeam, 403);
        assertThat(api.get(tokenOf("mike"), "/api/v1/approvals").json().findValuesAsText("taskId"))
                .doesNotContain(task);

        Answer approved = api.post(paul, "/api/v1/approvals/" + task + "/approve", "{\"comment\": \"fine\"}");
        assertThat(approved.status()).as("%s", approved.json()).isEqualTo(204);
        JsonNode active = awaitStatus(alice, id, "ACTIVE");
        assertThat(active.get("timeline").findValuesAsText("actor")).contains("paul");
        assertThat(api.post(alice, "/api/v1/requests/" + id + "/release", null).status()).isEqualTo(200);
        awaitStatus(alice, id, "ENDED");
    }

    @Test
    void managerWhoAsked_cannotApproveOrRejectTheirOwnRequest() throws Exception {
        String paul = tokenOf("paul");
        long id = submit(paul, "Payroll API", 30);
        awaitStatus(paul, id, "PENDING_APPROVAL");
        String task = taskFor(paul, id);
        JsonNode inInbox = inbox(paul, id);
        assertThat(inInbox.get("ownRequest").asBoolean()).isTrue();

        Answer approve = api.post(paul, "/api/v1/approvals/" + task + "/approve", null);
        assertProblem(approve, 403);
        assertThat(approve.json().get("detail").asText()).contains("Nobody approves their own request");
        assertProblem(api.post(paul, "/api/v1/approvals/" + task + "/reject", "{\"comment\": \"no\"}"), 403);
        assertThat(awaitStatus(paul, id, "PENDING_APPROVAL")).isNotNull();

        assertThat(api.post(paul, "/api/v1/requests/" + id + "/withdraw", null).status()).isEqualTo(200);
        awaitStatus(paul, id, "WITHDRAWN");
    }

    @Test
    void rejectingNeedsAComment_thenTheRequestIsRejected() throws Exception {
        String alice = tokenOf("alice");
        String paul = tokenOf("paul");
        long id = submit(alice, "Payroll API", 30);
        awaitStatus(alice, id, "PENDING_APPROVAL");
        String task = taskFor(paul, id);

        assertFieldError(api.post(paul, "/api/v1/approvals/" + task + "/reject", null), "comment");
        assertFieldError(api.post(paul, "/api/v1/approvals/" + task + "/reassign", "{\"assignee\": \"alice\"}"),
                "assignee");
        assertFieldError(api.post(paul, "/api/v1/approvals/" + task + "/approve", "{\"comment\": 42.5e999}"),
                "comment");

        Answer rejected = api.post(paul, "/api/v1/approvals/" + task + "/reject", "{\"comment\": \"not this month\"}");
        assertThat(rejected.status()).as("%s", rejected.json()).isEqualTo(204);
        JsonNode done = awaitStatus(alice, id, "REJECTED");
        assertThat(done.at("/summary/statusReason").asText()).contains("not this month");
    }

    @Test
    void requesterHasNoDecisions_andUnknownTaskIsRefused() {
        String alice = tokenOf("alice");
        Answer inbox = api.get(alice, "/api/v1/approvals");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().isArray()).isTrue();
        assertProblem(api.post(tokenOf("paul"), "/api/v1/approvals/no-such-task/approve", null), 403);
    }

    private JsonNode inbox(String token, long requestId) {
        Answer inbox = api.get(token, "/api/v1/approvals");
        assertThat(inbox.status()).isEqualTo(200);
        for (JsonNode task : inbox.json()) {
            if (task.at("/request/id").asLong() == requestId) {
                return task;
            }
        }
        throw new AssertionError("No decision on request " + requestId + " in " + inbox.json());
    }

    private String taskFor(String managerToken, long requestId) {
        return inbox(managerToken, requestId).get("taskId").asText();
    }
}
