package org.flatspace.portal.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An API call without valid credentials gets 401 with a problem detail that says how to
 * authenticate: a script cannot follow the portal's redirect to its login page.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String INVALID_TOKEN = "The API token is unknown, expired or revoked; create a new one under"
            + " \"API tokens\" in the portal";

    private final ObjectMapper json;

    ProblemAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        boolean tokenRefused = reason instanceof ApiTokenAuthenticationFilter.TokenRefused;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, tokenRefused ? INVALID_TOKEN
                : "Send a personal API token: \"Authorization: Bearer fs_...\"; create one under \"API tokens\""
                        + " in the portal");
        problem.setTitle("Not authenticated");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenRefused
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
