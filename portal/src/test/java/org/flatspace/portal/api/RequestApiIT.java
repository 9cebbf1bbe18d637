package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.flatspace.portal.api.ApiClient.Answer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A script asks for capacity with a token, follows it to ACTIVE, extends and releases it; and is told when input is wrong. */
class RequestApiIT extends ApiIntegrationTest {

    @Test
    void scriptWithToken_createsRequest_seesItActive_extendsAndReleasesIt() throws Exception {
        String alice = tokenOf("alice");
        long id = submit(alice, "Payroll batch", 30);

        JsonNode active = awaitStatus(alice, id, "ACTIVE");
        assertThat(active.at("/summary/requester").asText()).isEqualTo("alice");
        assertThat(active.get("instances")).hasSize(1);
        Answer instances = api.get(alice, "/api/v1/requests/" + id + "/instances");
        assertThat(instances.status()).isEqualTo(200);
        assertThat(instances.json()).hasSize(1);
        assertThat(instances.json().get(0).get("sizeName").asText()).isEqualTo("small");
        assertThat(instances.json().get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(instances.raw().body()).doesNotContainIgnoringCase("host").doesNotContain("demo-");
        assertThat(api.get(alice, "/api/v1/instances").json().findValuesAsText("requestId"))
                .contains(String.valueOf(id));
        assertThat(api.get(tokenOf("wendy"), "/api/v1/instances").json().findValuesAsText("requestId"))
                .doesNotContain(String.valueOf(id));
        assertThat(api.get(alice, "/api/v1/requests").json().findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(api.get(alice, "/api/v1/requests?status=ACTIVE").json().findValuesAsText("status"))
                .isNotEmpty().containsOnly("ACTIVE");

        LocalDate later = LocalDate.now().plusDays(60);
        Answer extended = api.post(alice, "/api/v1/requests/" + id + "/extend", "{\"leaseEnd\": \"" + later + "\"}");
        assertThat(extended.status()).as("%s", extended.json()).isEqualTo(200);
        awaitRequest(alice, id, r -> r.at("/summary/leaseEnd").asText().equals(later.toString()), "extended");

        Answer released = api.post(alice, "/api/v1/requests/" + id + "/release", null);
        assertThat(released.status()).as("%s", released.json()).isEqualTo(200);
        JsonNode ended = awaitStatus(alice, id, "ENDED");
        assertThat(ended.get("timeline").findValuesAsText("actor")).contains("alice");
    }

    @Test
    void badInput_isA400NamingTheField_neverA500() {
        String alice = tokenOf("alice");
        long batch = functionId(alice, "Payroll batch");
        long small = sizeId(alice, "small");
        long shopFunction = functionId(tokenOf("wendy"), "Shop search");
        String lease = LocalDate.now().plusDays(30).toString();

        Answer empty = api.post(alice, "/api/v1/requests", "{}");
        for (String field : new String[] {"functionId", "sizeId", "count", "leaseEnd", "reason"}) {
            assertFieldError(empty, field);
        }
        assertFieldError(create(alice, batch, small, "\"many\"", "\"" + lease + "\""), "count");
        assertFieldError(create(alice, batch, small, "99999999999999999999", "\"" + lease + "\""), "count");
        assertFieldError(create(alice, batch, small, "1000", "\"" + lease + "\""), "count");
        assertFieldError(create(alice, batch, small, "1", "\"next week\""), "leaseEnd");
        assertFieldError(create(alice, batch, small, "1", "\"" + LocalDate.now().plusYears(10) + "\""), "leaseEnd");
        assertFieldError(create(alice, batch, 987654321L, "1", "\"" + lease + "\""), "sizeId");
        assertFieldError(create(alice, shopFunction, small, "1", "\"" + lease + "\""), "functionId");
        assertFieldError(api.post(alice, "/api/v1/requests", """
                {"functionId": 123456789012345678901234567890, "sizeId": %d, "count": 1, "leaseEnd": "%s",
                 "reason": "x"}""".formatted(small, lease)), "functionId");
        assertFieldError(api.post(alice, "/api/v1/requests", """
                {"functionId": {"id": 1}, "sizeId": %d, "count": 1, "leaseEnd": "%s", "reason": "x"}"""
                .formatted(small, lease)), "functionId");

        assertProblem(api.post(alice, "/api/v1/requests", "{\"functionId\": "), 400);
        assertProblem(api.post(alice, "/api/v1/requests", null), 400);
        Answer array = api.post(alice, "/api/v1/requests", "[1, 2]");
        assertProblem(array, 400);
        assertThat(array.json().get("detail").asText()).contains("JSON object");
        assertFieldError(api.get(alice, "/api/v1/requests?status=RUNNING_FAST"), "status");
        assertFieldError(api.get(alice, "/api/v1/requests/abc"), "id");
        assertFieldError(api.get(alice, "/api/v1/requests/99999999999999999999999"), "id");
    }

    @Test
    void anotherTeamsRequest_isNotFound_forReadingAndForEveryAction() {
        String alice = tokenOf("alice");
        String wendy = tokenOf("wendy");
        long payrollRequest = submit(alice, "Payroll API", 30);
        try {
            assertProblem(api.get(wendy, "/api/v1/requests/" + payrollRequest), 404);
            assertProblem(api.get(wendy, "/api/v1/requests/" + payrollRequest + "/instances"), 404);
            assertProblem(api.post(wendy, "/api/v1/requests/" + payrollRequest + "/withdraw", null), 404);
            assertProblem(api.post(wendy, "/api/v1/requests/" + payrollRequest + "/release", null), 404);
            assertProblem(api.post(wendy, "/api/v1/requests/" + payrollRequest + "/extend",
                    "{\"leaseEnd\": \"" + LocalDate.now().plusDays(90) + "\"}"), 404);
            assertProblem(api.post(wendy, "/api/v1/requests/" + payrollRequest + "/quota-increase",
                    "{\"reason\": \"more\"}"), 404);
            assertThat(api.get(wendy, "/api/v1/requests").json().findValuesAsText("id"))
                    .doesNotContain(String.valueOf(payrollRequest));
            assertProblem(api.get(alice, "/api/v1/requests/987654321987"), 404);
        } finally {
            api.post(alice, "/api/v1/requests/" + payrollRequest + "/withdraw", null);
        }
    }

    @Test
    void requesterWithdrawsWaitingRequest_andCannotReleaseWhatIsNotActive() throws Exception {
        String alice = tokenOf("alice");
        long id = submit(alice, "Payroll API", 30);
        awaitStatus(alice, id, "PENDING_APPROVAL");

        Answer release = api.post(alice, "/api/v1/requests/" + id + "/release", null);
        assertProblem(release, 403);
        assertThat(release.json().get("detail").asText()).contains("active");

        Answer withdrawn = api.post(alice, "/api/v1/requests/" + id + "/withdraw", null);
        assertThat(withdrawn.status()).as("%s", withdrawn.json()).isEqualTo(200);
        awaitStatus(alice, id, "WITHDRAWN");
        assertProblem(api.post(alice, "/api/v1/requests/" + id + "/withdraw", null), 403);
    }

    @Test
    void overQuotaRequest_asksForMoreQuota_andTheManagerSeesTheAsk() throws Exception {
        String alice = tokenOf("alice");
        Answer created = api.post(alice, "/api/v1/requests", """
                {"functionId": %d, "sizeId": %d, "count": 40, "leaseEnd": "%s", "reason": "more than the quota"}"""
                .formatted(functionId(alice, "Payroll batch"), sizeId(alice, "small"), LocalDate.now().plusDays(30)));
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        try {
            awaitStatus(alice, id, "OVER_QUOTA");
            assertFieldError(api.post(alice, "/api/v1/requests/" + id + "/quota-increase", "{\"reason\": \" \"}"),
                    "reason");

            Answer asked = api.post(alice, "/api/v1/requests/" + id + "/quota-increase",
                    "{\"reason\": \"year-end payroll run\"}");
            assertThat(asked.status()).as("%s", asked.json()).isEqualTo(200);
            assertThat(asked.json().get("timeline").findValuesAsText("detail"))
                    .anyMatch(d -> d.contains("year-end payroll run"));
            assertThat(api.get(tokenOf("paul"), "/api/v1/approvals").json()).anySatisfy(task -> {
                assertThat(task.at("/request/id").asLong()).isEqualTo(id);
                assertThat(task.get("kind").asText()).isEqualTo("QUOTA_MANAGER");
            });
            assertProblem(api.post(alice, "/api/v1/requests/" + id + "/quota-increase",
                    "{\"reason\": \"again\"}"), 403);
        } finally {
            api.post(alice, "/api/v1/requests/" + id + "/withdraw", null);
        }
        awaitStatus(alice, id, "WITHDRAWN");
    }

    @Test
    void unknownEndpoint_isA404ProblemDetail() {
        assertProblem(api.get(tokenOf("alice"), "/api/v1/no-such-thing"), 404);
    }

    @Test
    void catalogAndQuota_areTheCallersTeams() {
        String wendy = tokenOf("wendy");
        assertThat(api.get(wendy, "/api/v1/functions").json().findValuesAsText("name"))
                .contains("Shop front end", "Shop search").doesNotContain("Payroll batch", "Payroll API");
        assertThat(api.get(wendy, "/api/v1/sizes").json().findValuesAsText("name"))
                .contains("small", "medium", "large", "xlarge");
        assertThat(api.get(wendy, "/api/v1/tiers").json().findValuesAsText("name")).contains("gold", "silver", "bronze");
        Answer quota = api.get(wendy, "/api/v1/quota");
        assertThat(quota.status()).isEqualTo(200);
        assertThat(quota.json().at("/limits/instances").asInt()).isPositive();
    }

    private Answer create(String token, long function, long size, String count, String leaseEnd) {
        return api.post(token, "/api/v1/requests", """
                {"functionId": %d, "sizeId": %d, "count": %s, "leaseEnd": %s, "reason": "API bad input test"}"""
                .formatted(function, size, count, leaseEnd));
    }
}
