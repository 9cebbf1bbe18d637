package org.flatspace.portal.api;

import java.util.Map;
import java.util.UUID;

import org.flatspace.portal.api.token.InvalidTokenException;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.InvalidRequestException;
import org.flatspace.workflows.request.RequestBusyException;
import org.flatspace.workflows.request.RequestNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every error of the API as an RFC 9457 problem detail. Wrong input is 400 with an {@code errors}
 * map from field to what is wrong; the services' refusals are 403 (not allowed) and 404 (not there,
 * or another team's); anything else is 500 with a reference to the log, and never the exception's
 * text, which may name hosts or SQL.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return invalid(e.fieldErrors());
    }

    @ExceptionHandler(InvalidTokenException.class)
    ProblemDetail invalid(InvalidTokenException e) {
        return invalid(e.fieldErrors());
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not allowed");
        return problem;
    }

    /** A role check in front of an endpoint (admins only), as in front of the admins' views. */
    @ExceptionHandler(RequestBusyException.class)
    ProblemDetail busy(RequestBusyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail roleMissing(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your roles do not allow this endpoint");
        problem.setTitle("Not allowed");
        return problem;
    }

    @ExceptionHandler({RequestNotFoundException.class, ApiNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("API call failed unexpectedly, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; tell the platform team the reference " + reference);
        problem.setTitle("Internal error");
        problem.setProperty("reference", reference);
        return problem;
    }

    /** Unreadable bodies: not JSON at all, or a field of the wrong type or out of range. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail problem;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonFields.path(mapping);
            problem = invalid(Map.of(field, JsonFields.expected(mapping)));
        } else if (cause instanceof JsonParseException parse) {
            problem = badRequest("The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")");
        } else if (e.getCause() instanceof JsonMappingException) {
            problem = badRequest("The body must be a JSON object with the fields the endpoint describes");
        } else {
            problem = badRequest("Send a JSON body (Content-Type: application/json)");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A path or query parameter that is not of its type: a request id that is no number, an unknown status. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        return ResponseEntity.badRequest().body(invalid(Map.of(String.valueOf(name), JsonFields.expected(type))));
    }

    private static ProblemDetail invalid(Map<String, String> fieldErrors) {
        ProblemDetail problem = badRequest("Some fields are wrong: " + String.join(", ", fieldErrors.keySet()));
        problem.setProperty("errors", fieldErrors);
        return problem;
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return problem;
    }
}
