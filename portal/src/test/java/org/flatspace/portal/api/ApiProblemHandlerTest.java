package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ApiProblemHandlerTest {

    private final ApiProblemHandler handler = new ApiProblemHandler();

    @Test
    void unexpectedError_isA500WithAReference_andNoneOfTheExceptionsText() {
        ProblemDetail problem = handler.unexpected(new IllegalStateException("host kvm-07 said: SQL syntax near 'x'"));

        assertThat(problem.getStatus()).isEqualTo(500);
        String reference = (String) problem.getProperties().get("reference");
        assertThat(reference).isNotBlank();
        assertThat(problem.getDetail()).contains(reference).doesNotContain("kvm-07", "SQL", "IllegalState");
        assertThat(problem.getProperties()).containsOnlyKeys("reference");
    }

    @Test
    void invalidRequest_isA400WithTheFieldErrors() {
        ProblemDetail problem = handler.invalid(new InvalidRequestException(Map.of("count", "Ask for 1 to 100")));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("errors", Map.of("count", "Ask for 1 to 100"));
    }

    @Test
    void notAllowed_isA403SayingWhy() {
        ProblemDetail problem = handler.notAllowed(new NotAllowedException("Only active capacity can be released"));

        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getDetail()).isEqualTo("Only active capacity can be released");
    }
}
