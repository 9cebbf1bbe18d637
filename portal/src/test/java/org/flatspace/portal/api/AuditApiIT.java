package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flatspace.config.person.NewPerson;
import org.flatspace.config.person.PersonAdminService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.api.ApiClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit trail as an administrator reads it through {@code GET /api/v1/audit}, after people did
 * things through the portal's login and the API: sign-ins, refusals (another team's request, an
 * admin endpoint, a decision that is not theirs), and a quota raised by an admin's decision.
 */
class AuditApiIT extends ApiIntegrationTest {

    private static final String DEMO_PASSWORD = "flatspace";

    @Autowired
    PersonAdminService people;
    @Autowired
    TeamService teams;
    @Autowired
    QuotaService quotas;
    @Autowired
    PasswordEncoder passwords;

    private String admin;
    private Instant start;

    @BeforeEach
    void adminToken() {
        admin = tokenOf("admin");
        start = Instant.now().minusSeconds(1);
    }

    @Test
    void failedAndSuccessfulSignIns_areRecorded_withWhyForTheAdminOnly() {
        assertThat(signIn("alice", "not her password")).as("a failed sign-in").contains("error");
        assertThat(signIn("nobody-" + UUID.randomUUID().toString().substring(0, 6), "whatever")).contains("error");
        assertThat(signIn("paul", DEMO_PASSWORD)).doesNotContain("error");

        assertThat(entries(Map.of("who", "alice", "action", "login."))).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("login.failure");
            assertThat(e.get("outcome").asText()).isEqualTo("DENIED");
            assertThat(e.get("team").asText()).isEqualTo("Payroll");
            assertThat(e.get("detail").asText()).startsWith("wrong password from ").doesNotContain("not her password");
        });
        assertThat(entries(Map.of("action", "login.failure", "text", "no such person"))).isNotEmpty();
        assertThat(entries(Map.of("who", "paul", "action", "login.success", "outcome", "SUCCESS"))).isNotEmpty();
    }

    @Test
    void anotherTeamsRequestById_isDeniedInTheTrail_thoughWendyOnlyHearsNotFound() {
        String alice = tokenOf("alice");
        String wendy = tokenOf("wendy");
        long id = submit(alice, "Payroll API", 30);
        try {
            assertProblem(api.get(wendy, "/api/v1/requests/" + id), 404);
            assertProblem(api.post(wendy, "/api/v1/requests/" + id + "/withdraw", null), 404);

            assertThat(entries(Map.of("who", "wendy", "text", "request:" + id)))
                    .extracting(e -> e.get("action").asText() + " " + e.get("outcome").asText() + " "
                            + e.get("team").asText())
                    .containsExactly("request.withdraw DENIED Web shop", "request.read DENIED Web shop");
        } finally {
            api.post(alice, "/api/v1/requests/" + id + "/withdraw", null);
        }
    }

    @Test
    void aRequesterCallingAdminEndpoints_isRefused_andRecorded() {
        String alice = tokenOf("alice");

        assertProblem(api.get(alice, "/api/v1/hosts"), 403);
        assertProblem(api.get(alice, "/api/v1/audit"), 403);

        assertThat(entries(Map.of("who", "alice", "action", "access.denied")))
                .extracting(e -> e.get("object").asText() + " " + e.get("outcome").asText())
                .contains("url:GET /api/v1/hosts DENIED", "url:GET /api/v1/audit DENIED");
    }

    @Test
    void aQuotaRaisedByAnAdminsDecision_isRecordedWithTheDecisionsAndTheRefusalOnTheWay() throws Exception {
        long payroll = teams.teamNamed("Payroll").orElseThrow().id();
        Resources limits = quotas.usage(payroll).limits();
        String alice = tokenOf("alice");
        String paul = tokenOf("paul");
        Answer created = api.post(alice, "/api/v1/requests", """
                {"functionId": %d, "sizeId": %d, "count": %d, "leaseEnd": "%s", "reason": "audit test"}"""
                .formatted(functionId(alice, "Payroll batch"), sizeId(alice, "small"), limits.vcpu() + 1,
                        LocalDate.now().plusDays(30)));
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        try {
            awaitStatus(alice, id, "OVER_QUOTA");
            assertThat(api.post(alice, "/api/v1/requests/" + id + "/quota-increase", "{\"reason\": \"audit\"}")
                    .status()).isEqualTo(200);
            String forward = awaitTask(paul, id, "QUOTA_MANAGER");
            assertProblem(api.post(alice, "/api/v1/approvals/" + forward + "/approve", null), 403);
            assertThat(api.post(paul, "/api/v1/approvals/" + forward + "/approve", null).status()).isEqualTo(204);
            String grant = awaitTask(admin, id, "QUOTA_ADMIN");
            assertThat(api.post(admin, "/api/v1/approvals/" + grant + "/approve", "{\"comment\": \"ok\"}").status())
                    .isEqualTo(204);
            awaitStatus(alice, id, "PENDING_APPROVAL");

            assertThat(entries(Map.of("text", "request:" + id)))
                    .extracting(e -> e.get("who").asText() + " " + e.get("action").asText() + " "
                            + e.get("outcome").asText())
                    .containsSubsequence("admin approval.approve SUCCESS", "paul approval.approve SUCCESS",
                            "alice approval.approve DENIED", "alice quota-increase.ask SUCCESS");
            assertThat(entries(Map.of("action", "quota.raise", "text", "quota increase for request " + id)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.get("who").asText()).isEqualTo("admin");
                        assertThat(e.get("team").asText()).isEqualTo("Platform");
                        assertThat(e.get("object").asText()).isEqualTo("team:Payroll");
                        assertThat(e.get("outcome").asText()).isEqualTo("SUCCESS");
                        assertThat(e.get("detail").asText()).contains("vCPU " + limits.vcpu() + " -> ");
                    });
        } finally {
            api.post(alice, "/api/v1/requests/" + id + "/withdraw", null);
            quotas.setLimits(payroll, limits);
        }
    }

    @Test
    void aDisabledPerson_cannotSignInNorUseTheirToken_andBothRefusalsAreRecorded() {
        String username = "dora-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "four words make a password";
        long payroll = teams.teamNamed("Payroll").orElseThrow().id();
        people.create("admin", new NewPerson(username, "Dora", null, payroll, EnumSet.of(Role.REQUESTER), password),
                passwords::encode);
        assertThat(signIn(username, password)).doesNotContain("error");
        String token = tokenOf(username);
        assertThat(api.get(token, "/api/v1/requests").status()).isEqualTo(200);

        people.disable("admin", username);

        assertThat(signIn(username, password)).contains("error");
        assertProblem(api.get(token, "/api/v1/requests"), 401);
        assertThat(entries(Map.of("who", username)))
                .extracting(e -> e.get("action").asText() + " " + e.get("outcome").asText())
                .containsSubsequence("token.failure DENIED", "login.failure DENIED", "token.success SUCCESS",
                        "login.success SUCCESS");
        assertThat(entries(Map.of("who", "admin", "text", "person:" + username)))
                .extracting(e -> e.get("action").asText()).containsExactly("person.disable", "person.create");
    }

    @Test
    void theAuditEndpoint_pagesAndRefusesBadFilters() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(tokenOf("alice"), "/api/v1/requests").status()).isEqualTo(200);
        }
        String who = "&who=alice&action=token.success&from=" + start;
        Answer first = api.get(admin, "/api/v1/audit?size=2&page=0" + who);
        Answer second = api.get(admin, "/api/v1/audit?size=2&page=1" + who);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.json().get("entries")).hasSize(2);
        assertThat(second.json().get("entries").get(0).get("id").asLong())
                .isLessThan(first.json().get("entries").get(1).get("id").asLong());
        assertFieldError(api.get(admin, "/api/v1/audit?size=0"), "size");
        assertFieldError(api.get(admin, "/api/v1/audit?outcome=MAYBE"), "outcome");
        assertFieldError(api.get(admin, "/api/v1/audit?from=yesterday"), "from");
    }

    /** The entries matching the filters since the test started, newest first. */
    private List<JsonNode> entries(Map<String, String> filters) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("from", start.toString());
        query.put("size", "200");
        Answer answer = api.get(admin, "/api/v1/audit?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        assertThat(answer.status()).as("%s", answer.raw().body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.json().get("entries").forEach(entries::add);
        return entries;
    }

    /** Posts the portal's login form as the login page does; the redirect's target. */
    private String signIn(String username, String password) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                            StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            return login.headers().firstValue("Location").orElse("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id of the decision of that kind on the request in the caller's inbox, once it is there. */
    private String awaitTask(String token, long requestId, String kind) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode task : api.get(token, "/api/v1/approvals").json()) {
                if (task.at("/request/id").asLong() == requestId && task.get("kind").asText().equals(kind)) {
                    return task.get("taskId").asText();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No " + kind + " decision on request " + requestId);
    }
}
