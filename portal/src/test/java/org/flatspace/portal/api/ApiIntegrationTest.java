package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;

import org.flatspace.portal.FlatspaceApplication;
import org.flatspace.portal.api.ApiClient.Answer;
import org.flatspace.portal.api.token.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one application context of the API tests: the portal on a random port, on MariaDB, with the
 * demo's people (alice and paul in Payroll, wendy and mike in Web shop, admin) and test-driver hosts,
 * and the job executor running, so requests really reach ACTIVE.
 */
@SpringBootTest(classes = FlatspaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics export on, as in production: the operators' tests scrape /actuator/prometheus
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"mariadb", "demo", "api-it"})
abstract class ApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A fresh token for the user, as they would create it under "API tokens". */
    String tokenOf(String username) {
        return tokens.create(username, "it " + UUID.randomUUID(), LocalDate.now().plusDays(30)).secret();
    }

    /** The id of one of the caller's team's functions, by name. */
    long functionId(String token, String name) {
        Answer functions = api.get(token, "/api/v1/functions");
        assertThat(functions.status()).isEqualTo(200);
        for (JsonNode f : functions.json()) {
            if (f.get("name").asText().equals(name)) {
                return f.get("id").asLong();
            }
        }
        throw new AssertionError("No function " + name + " in " + functions.json());
    }

    long sizeId(String token, String name) {
        for (JsonNode s : api.get(token, "/api/v1/sizes").json()) {
            if (s.get("name").asText().equals(name)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("No size " + name);
    }

    /** POST /api/v1/requests for one small instance of the function, expecting 201; its id. */
    long submit(String token, String function, int leaseDays) {
        Answer created = api.post(token, "/api/v1/requests", """
                {"functionId": %d, "sizeId": %d, "count": 1, "leaseEnd": "%s", "reason": "API test %s"}"""
                .formatted(functionId(token, function), sizeId(token, "small"), LocalDate.now().plusDays(leaseDays),
                        UUID.randomUUID()));
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location"))
                .hasValue("/api/v1/requests/" + created.json().get("id").asLong());
        return created.json().get("id").asLong();
    }

    /** Polls GET /api/v1/requests/{id} as a script would, until the request matches (at most 60 s). */
    JsonNode awaitRequest(String token, long id, Predicate<JsonNode> done, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            Answer answer = api.get(token, "/api/v1/requests/" + id);
            assertThat(answer.status()).as("%s", answer.json()).isEqualTo(200);
            last = answer.json();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Request " + id + " did not become " + what + " within 60 s: " + last);
    }

    JsonNode awaitStatus(String token, long id, String status) throws InterruptedException {
        return awaitRequest(token, id, r -> r.at("/summary/status").asText().equals(status), status);
    }

    /** The problem detail the API answers with: its status, media type and field errors. */
    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer.raw().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("title").asText()).isNotBlank();
    }

    static void assertFieldError(Answer answer, String field) {
        assertProblem(answer, 400);
        assertThat(answer.json().at("/errors/" + field).asText()).as("%s", answer.json()).isNotBlank();
    }
}
