package org.flatspace.portal.audit;

import java.util.Optional;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** The HTTP request being served, in the few words an audit entry needs: method, path, address. */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    /** "GET /api/v1/hosts"; empty outside a request. Never the query string, which may carry anything. */
    public static Optional<String> line() {
        return request().map(CurrentRequest::line);
    }

    static String line(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    /** The client's address; empty outside a request. */
    public static Optional<String> address() {
        return request().map(HttpServletRequest::getRemoteAddr);
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? Optional.of(servlet.getRequest()) : Optional.empty();
    }
}
