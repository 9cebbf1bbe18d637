package org.flatspace.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.flatspace.portal.HttpUser;
import org.flatspace.portal.PortalIntegrationTest;
import org.flatspace.workflows.request.RequestStatus;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operators' endpoints over HTTP: the health summary for anyone (a load balancer), everything
 * else for administrators through their portal session or an API token; the pool's hosts in a
 * health group of their own; the flatspace_* metrics moving when a request runs.
 */
class OperatorEndpointsIT extends PortalIntegrationTest {

    private static final List<String> DEMO_HOSTS = List.of("demo-a1", "demo-a2", "demo-b1", "demo-b2");

    @Test
    void healthSummary_isPublic_statusOnly() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = anonymous().get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            JsonNode json = HttpUser.json(health);
            assertThat(json.get("status").asText()).as(path).isEqualTo("UP");
            assertThat(json.has("components")).as("%s shows no components: %s", path, json).isFalse();
            assertThat(json.has("details")).as(path).isFalse();
            assertThat(anonymous().head(path).statusCode()).as("HEAD %s", path).isEqualTo(200);
        }
    }

    @Test
    void healthDetails_forAnAdministrator_showTheNode_notThePoolsHosts() {
        JsonNode health = HttpUser.json(anonymous().get("/actuator/health", tokenOf("admin")));

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").fieldNames()).toIterable()
                .contains("db", "processEngine", "jobExecutor")
                .doesNotContain(HostsHealthContributor.NAME);
        assertThat(health.at("/components/jobExecutor/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("MariaDB");
        assertThat(health.get("groups")).extracting(JsonNode::toString).asString()
                .contains("liveness", "readiness", "pool");
    }

    @Test
    void poolHealth_showsEveryHostWithItsStateAndLastCheck_toAdministratorsOnly() {
        HttpResponse<String> pool = anonymous().get("/actuator/health/pool", tokenOf("admin"));
        JsonNode hosts = HttpUser.json(pool).at("/components/hosts/components");

        assertThat(hosts.fieldNames()).toIterable().containsAll(DEMO_HOSTS);
        for (String name : DEMO_HOSTS) {
            JsonNode host = hosts.get(name);
            assertThat(host.at("/details/state").asText()).as(name).isIn("ACTIVE", "DOWN", "MAINTENANCE", "DRAINING");
            assertThat(host.at("/details/consecutiveFailures").isInt()).as(name).isTrue();
            if (host.at("/details/state").asText().equals("ACTIVE")) {
                assertThat(host.get("status").asText()).as(name).isEqualTo("UP");
            }
        }
        assertThat(pool.body()).as("no address of a host").doesNotContain("test:///");

        assertThat(anonymous().get("/actuator/health/pool").statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/health/pool", tokenOf("alice")).statusCode()).isEqualTo(403);
        assertThat(anonymous().get("/actuator/health/db").statusCode()).isEqualTo(401);
    }

    @Test
    void metricsAndPrometheus_areForAdministrators_withASessionOrAToken() {
        String adminToken = tokenOf("admin");
        HttpUser admin = signedIn("admin");
        HttpUser alice = signedIn("alice");
        String aliceToken = tokenOf("alice");
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info",
                "/actuator/health/db")) {
            assertEndpointAnswers(anonymous().get(path, adminToken), "admin's token: " + path);
            assertEndpointAnswers(admin.page(path), "admin's session: " + path);
            assertThat(anonymous().get(path, aliceToken).statusCode()).as("requester's token: %s", path)
                    .isEqualTo(403);
            assertThat(alice.page(path).statusCode()).as("requester's session: %s", path).isEqualTo(403);
            assertThat(signedIn("mike").page(path).statusCode()).as("manager's session: %s", path).isEqualTo(403);
        }
    }

    @Test
    void signedOut_aScriptGets401_andABrowserTheLoginPage() {
        HttpResponse<String> script = anonymous().get("/actuator/prometheus");
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("Location")).isEmpty();
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> browser = anonymous().page("/actuator/prometheus");
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        assertThat(anonymous().get("/actuator/prometheus", "fs_" + "A".repeat(43)).statusCode()).isEqualTo(401);
    }

    @Test
    void prometheus_countsRequestsByStatus_placementTime_andPoolUse_afterARequestRuns() throws Exception {
        String admin = tokenOf("admin");
        String alice = tokenOf("alice");
        double placementsBefore = scrape(admin).valueOrZero("flatspace_placement_seconds_count", "outcome", "placed");

        long request = submitSmallRequest(alice);
        try {
            awaitStatus(alice, request, "ACTIVE");
            Scrape after = awaitScrape(admin, s -> s.valueOrZero("flatspace_requests", "status", "ACTIVE") >= 1
                    && s.valueOrZero("flatspace_placement_seconds_count", "outcome", "placed") > placementsBefore);

            for (RequestStatus status : RequestStatus.values()) {
                assertThat(after.value("flatspace_requests", "status", status.name())).as(status.name()).isPresent();
            }
            assertThat(after.valueOrZero("flatspace_placement_seconds_sum", "outcome", "placed")).isPositive();
            assertThat(after.value("flatspace_placement_seconds_bucket", "le", "0.1")).isPresent();
            assertThat(after.valueOrZero("flatspace_hosts", "state", "ACTIVE")).isGreaterThanOrEqualTo(4);
            for (String resource : List.of("vcpu", "memory_mib", "disk_gib")) {
                double allocated = after.valueOrZero("flatspace_pool_allocated", "resource", resource);
                double limit = after.valueOrZero("flatspace_pool_limit", "resource", resource);
                assertThat(limit).as(resource).isPositive();
                assertThat(allocated).as(resource).isBetween(0.0, limit);
            }
            assertThat(after.valueOrZero("flatspace_pool_allocated", "resource", "vcpu")).isPositive();
        } finally {
            giveBack(alice, request);
        }
    }

    /** Leaves nothing held: releases the request if it runs, else withdraws it. */
    private void giveBack(String token, long request) {
        HttpUser script = anonymous();
        if (script.post(token, "/api/v1/requests/" + request + "/release").statusCode() != 200) {
            script.post(token, "/api/v1/requests/" + request + "/withdraw");
        }
    }

    /** 200 from the endpoint itself, not the portal's page that answers any unknown path. */
    private static void assertEndpointAnswers(HttpResponse<String> response, String who) {
        assertThat(response.statusCode()).as(who).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(who)
                .hasValueSatisfying(type -> assertThat(type).doesNotContain("html"));
    }

    private Scrape scrape(String adminToken) {
        HttpResponse<String> response = anonymous().get("/actuator/prometheus", adminToken);
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }

    /** Scrapes until the figures show what happened (they are read at most every few seconds). */
    private Scrape awaitScrape(String adminToken, Predicate<Scrape> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(RequestMetrics.MAX_AGE.multipliedBy(3));
        Scrape last = scrape(adminToken);
        while (!done.test(last)) {
            assertThat(Instant.now()).as("metrics did not move:%n%s", last.text()).isBefore(deadline);
            Thread.sleep(500);
            last = scrape(adminToken);
        }
        return last;
    }

    private long submitSmallRequest(String token) {
        HttpUser script = anonymous();
        long function = idNamed(HttpUser.json(script.get("/api/v1/functions", token)), "Payroll batch");
        long size = idNamed(HttpUser.json(script.get("/api/v1/sizes", token)), "small");
        HttpResponse<String> created = script.post(token, "/api/v1/requests", """
                {"functionId": %d, "sizeId": %d, "count": 1, "leaseEnd": "%s", "reason": "metrics test %s"}"""
                .formatted(function, size, LocalDate.now().plusDays(30), UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return HttpUser.json(created).get("id").asLong();
    }

    private void awaitStatus(String token, long request, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            last = HttpUser.json(anonymous().get("/api/v1/requests/" + request, token)).at("/summary/status").asText();
            if (last.equals(status)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Request " + request + " is " + last + ", not " + status + ", after 60 s");
    }

    private static long idNamed(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.get("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No " + name + " in " + list)).get("id").asLong();
    }
}
