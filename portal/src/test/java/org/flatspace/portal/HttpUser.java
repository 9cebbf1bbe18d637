package org.flatspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One person's HTTP client against the portal: keeps cookies like a browser, follows no redirects
 * (tests look at them), and calls either as a browser page (asking for HTML), as a script or a
 * page's XHR (asking for JSON), or with a bearer token.
 */
public final class HttpUser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String baseUrl;

    HttpUser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Posts the portal's login form, as the login page does; expects the redirect of a success. */
    public HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)));
        assertThat(login.statusCode()).as("sign-in of %s", username).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).as("sign-in of %s", username)
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return login;
    }

    /** A page the browser navigates to. */
    public HttpResponse<String> page(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).GET());
    }

    /** A call as a script (or a page's XHR) makes it: asking for JSON, with the cookies. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    /** A HEAD request, as some load balancers probe. */
    public HttpResponse<String> head(String path) {
        return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** A call with a bearer token, asking for anything, as curl does. */
    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    /** A script's POST with a bearer token and a JSON body (none when null). */
    public HttpResponse<String> post(String token, String path, String jsonBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public HttpResponse<String> post(String token, String path) {
        return post(token, path, null);
    }

    /** The session id the portal gave this client, if any. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** A request with this exact session cookie, as someone who copied it would send it. */
    public HttpResponse<String> pageWithSession(String path, String sessionId) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML)
                .header("Cookie", "JSESSIONID=" + sessionId).GET());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
