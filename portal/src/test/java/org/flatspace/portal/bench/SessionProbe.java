package org.flatspace.portal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One person in a browser tab, over plain HTTP: signs in through the login form keeping its session cookie,
 * then opens a route as Vaadin 24.9's client does (the page, then the {@code v-r=init} request
 * that creates the UI, then the UI's {@code ui-navigate} event by which the client router asks the
 * server to show the route), so the server holds what a real tab makes it hold.
 */
final class SessionProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * One client for every probe, so that the heap measured holds 50 sessions and not 50 HTTP
     * clients with their connections (they live in the same JVM as the portal); each probe keeps
     * its own session cookie.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private final String base;
    private String session;

    SessionProbe(int port) {
        this.base = "http://localhost:" + port;
    }

    void signIn(String username, String password) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + login.statusCode() + " " + location);
        }
    }

    /** Opens the route in a new tab; the UI's id. */
    int open(String route) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/" + route)).header("Accept", "text/html").GET());
        check(page, "page " + route);
        HttpResponse<String> init = send(HttpRequest.newBuilder(uri("/?v-r=init&location="
                + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=")).GET());
        check(init, "init of " + route);
        JsonNode config = json(init).path("appConfig");
        JsonNode uidl = config.path("uidl");
        int uiId = config.path("v-uiId").asInt();
        String csrf = uidl.path("Vaadin-Security-Key").asText();
        HttpResponse<String> navigated = send(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigation(route, csrf, uidl.path("syncId").asInt()))));
        check(navigated, "navigation to " + route);
        if (navigated.body().contains("Something went wrong") || navigated.body().contains("Session Expired")) {
            throw new IllegalStateException("Opening " + route + " failed: " + navigated.body());
        }
        return uiId;
    }

    /** The UIDL message of the client router's {@code ui-navigate} event on the UI's node (1). */
    private static String navigation(String route, String csrf, int syncId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", csrf);
        message.put("syncId", syncId);
        message.put("clientId", 0);
        ObjectNode navigate = message.putArray("rpc").addObject();
        navigate.put("type", "event");
        navigate.put("node", 1);
        navigate.put("event", "ui-navigate");
        ObjectNode data = navigate.putObject("data");
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.putNull("historyState");
        data.put("trigger", "");
        return message.toString();
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher).filter(Matcher::find)
                    .forEach(m -> session = m.group(1));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
