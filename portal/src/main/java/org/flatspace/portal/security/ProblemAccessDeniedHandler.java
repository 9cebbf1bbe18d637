package org.flatspace.portal.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 403 with a problem detail that says who may (or, for a missing CSRF token, what is missing),
 * written here rather than by an error page of the portal's.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ObjectMapper json;
    private final String detail;

    ProblemAccessDeniedHandler(ObjectMapper json, String detail) {
        this.json = json;
        this.detail = detail;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied instanceof CsrfException
                ? "A change through a portal session needs the session's CSRF token; scripts use an API token"
                : detail);
        problem.setTitle("Forbidden");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
