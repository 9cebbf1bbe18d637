package org.flatspace.portal.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a script does: plain HTTP with a bearer token, JSON in and out. */
final class ApiClient {

    /** One answer: status, headers and the body as JSON (null when empty). */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    Answer get(String token, String path) {
        return send(token, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Answer post(String token, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(token, HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(body)
                .header("Content-Type", "application/json"));
    }

    Answer put(String token, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(token, HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(body)
                .header("Content-Type", "application/json"));
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private Answer send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Accept", "application/json, application/problem+json").timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response, parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
