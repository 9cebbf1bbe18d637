package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.api.ApiClient.Answer;
import org.flatspace.portal.api.AuthorisationMatrix.Row;
import org.flatspace.portal.api.MatrixFixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST API's authorisation matrix (issue 8). {@code authorisation-matrix.csv} says what every
 * caller (anonymous, requesters and managers of Payroll and of another team, an administrator) gets
 * from every endpoint under /api/v1, on Payroll's requests, decisions, hosts and plans. This test
 * fails when the portal maps an endpoint the file does not list, or the file lists one the portal
 * does not map; then it calls every cell and names each one that answers otherwise.
 */
class AuthorisationMatrixIT extends ApiIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(AuthorisationMatrixIT.class);
    private static final String MATRIX = "authorisation-matrix.csv";
    private static final String API = "/api/v1/";

    @Autowired
    ApplicationContext context;
    @Autowired
    PersonService people;
    @Autowired
    QuotaService quotas;

    private final AuthorisationMatrix matrix = AuthorisationMatrix.read(MATRIX);

    @Test
    void matrixLists_exactlyTheEndpointsThePortalMaps() {
        Set<String> mapped = mappedEndpoints();
        Set<String> listed = matrix.rows().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        Set<String> unknown = new TreeSet<>(listed);
        unknown.removeAll(mapped);

        assertThat(mapped).as("endpoints under %s found at all", API).isNotEmpty();
        assertThat(missing).as("endpoints the portal maps that %s does not list: add a line for each, with what "
                + "every caller must get", MATRIX).isEmpty();
        assertThat(unknown).as("endpoints %s lists that the portal does not map", MATRIX).isEmpty();
    }

    @Test
    void everyCaller_getsFromEveryEndpoint_whatTheMatrixSays() {
        MatrixFixtures fixtures = new MatrixFixtures(context);
        Map<String, String> tokens = tokens();
        Resources limits = quotas.usage(fixtures.payroll()).limits();
        fixtures.endLeftovers();
        Instant start = Instant.now();
        List<String> differences = new ArrayList<>();
        int cells = 0;
        try {
            for (Row row : matrix.rows()) {
                cells += run(row, fixtures, tokens, differences);
            }
        } finally {
            fixtures.endLeftovers();
            quotas.setLimits(fixtures.payroll(), limits);
        }
        log.info("Authorisation matrix: {} cells in {} s", cells, Duration.between(start, Instant.now()).toSeconds());

        assertThat(differences).as("%d of %d cells differ from %s", differences.size(), cells, MATRIX).isEmpty();
    }

    /**
     * Calls one line's cells: a cell that should change something on a fixture of its own, the
     * others on one fixture for the line. Returns how many cells ran.
     */
    private int run(Row row, MatrixFixtures fixtures, Map<String, String> tokens, List<String> differences) {
        Fixture shared = fixtures.make(row.on());
        try {
            for (String caller : matrix.callers()) {
                String expected = row.expected().get(caller);
                boolean changes = !row.method().equals("GET") && expected.startsWith("2");
                Fixture fixture = changes ? fixtures.make(row.on()) : shared;
                try {
                    Answer answer = call(row, tokens.get(caller), fixture, fixtures);
                    String actual = outcome(answer, expected, fixture);
                    if (!actual.equals(expected)) {
                        differences.add(describe(row, caller, expected, actual, answer));
                    }
                    answer.raw().headers().firstValue("Location").filter(l -> l.startsWith(API + "requests/"))
                            .ifPresent(l -> fixtures.endRequest(Long.parseLong(l.substring(l.lastIndexOf('/') + 1))));
                    if (!changes && !row.method().equals("GET") && answer.status() < 300) {
                        // a refusal that was not: the line's fixture has changed, the next caller gets a new one
                        shared.close();
                        shared = fixtures.make(row.on());
                    }
                } finally {
                    if (changes) {
                        fixture.close();
                    }
                }
            }
        } finally {
            shared.close();
        }
        return matrix.callers().size();
    }

    private Answer call(Row row, String token, Fixture fixture, MatrixFixtures fixtures) {
        String path = row.path().replaceAll("\\{[^}]+}", fixture.id());
        String body = fixtures.body(row.endpoint(), fixture);
        return switch (row.method()) {
            case "GET" -> api.get(token, path);
            case "POST" -> api.post(token, path, body);
            case "PUT" -> api.put(token, path, body);
            default -> throw new IllegalArgumentException("Line " + row.line() + ": no client for " + row.method());
        };
    }

    /** The status, with + or - when the matrix asks whether the list holds the fixture. */
    private static String outcome(Answer answer, String expected, Fixture fixture) {
        String status = String.valueOf(answer.status());
        if (answer.status() == 200 && (expected.endsWith("+") || expected.endsWith("-"))) {
            return status + (lists(answer.json(), fixture.id()) ? "+" : "-");
        }
        return status;
    }

    /** Whether a JSON list names the thing: a task by its taskId, a request by its id or an instance's requestId. */
    private static boolean lists(JsonNode list, String id) {
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode element : list) {
            for (String field : List.of("taskId", "requestId", "id")) {
                if (element.hasNonNull(field) && element.get(field).asText().equals(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Row row, String caller, String expected, String actual, Answer answer) {
        String detail = answer.json() != null && answer.json().hasNonNull("detail")
                ? " (" + answer.json().get("detail").asText() + ")" : "";
        return "line %d: %s on %s, as %s: expected %s, got %s%s".formatted(row.line(), row.endpoint(), row.on(), caller,
                expected, actual, detail);
    }

    /** "METHOD /path/{var}" of every handler mapping under /api/v1/; a mapping for any method is "*". */
    private Set<String> mappedEndpoints() {
        return context.getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .flatMap(AuthorisationMatrixIT::endpoints)
                .filter(endpoint -> endpoint.substring(endpoint.indexOf(' ') + 1).startsWith(API))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Stream<String> endpoints(RequestMappingInfo info) {
        List<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        return info.getPatternValues().stream()
                .flatMap(path -> (methods.isEmpty() ? List.of("*") : methods).stream().map(m -> m + " " + path));
    }

    /** A token for each caller of the matrix; rita, a second requester of Payroll, is made on first use. */
    private Map<String, String> tokens() {
        if (people.account("rita").isEmpty()) {
            long payroll = people.account("alice").orElseThrow().teamId();
            people.create("rita", "Rita Requester", "rita@flatspace.example", "{noop}" + UUID.randomUUID(), payroll,
                    EnumSet.of(Role.REQUESTER));
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String caller : matrix.callers()) {
            tokens.put(caller, caller.equals("anonymous") ? null : tokenOf(caller));
        }
        return tokens;
    }
}
