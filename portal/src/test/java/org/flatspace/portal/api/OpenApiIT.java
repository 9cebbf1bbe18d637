package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI description and its page are for signed-in portal users (anyone may read how the API
 * works once signed in; calls still need a token); signed out, the portal's login page comes first.
 */
class OpenApiIT extends ApiIntegrationTest {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signedOut_theDescriptionAndPageRedirectToTheLogin() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void signedIn_theDescriptionListsTheEndpointsAndTheTokenScheme_andThePageLoads() throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=wendy&password=flatspace")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        HttpResponse<String> description = get("/v3/api-docs");
        assertThat(description.statusCode()).isEqualTo(200);
        JsonNode openApi = new ObjectMapper().readTree(description.body());
        assertThat(openApi.get("paths").fieldNames()).toIterable()
                .contains("/api/v1/requests", "/api/v1/requests/{id}/extend", "/api/v1/approvals/{taskId}/approve",
                        "/api/v1/functions", "/api/v1/quota")
                .allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(openApi.at("/components/securitySchemes/apiToken/scheme").asText()).isEqualTo("bearer");
        assertThat(description.body()).doesNotContain("FlatspaceUser");

        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
