package org.flatspace.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.workflows.AuthorisationMatrix.Row;
import org.flatspace.workflows.MatrixFixtures.Fixture;
import org.flatspace.workflows.placement.WhatIfService;
import org.flatspace.workflows.policy.ApprovalPolicyService;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.IncompleteDrainDecision;
import org.flatspace.workflows.pool.RebalanceService;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.InvalidRequestException;
import org.flatspace.workflows.request.QuotaIncreaseService;
import org.flatspace.workflows.request.RequestNotFoundException;
import org.flatspace.workflows.request.RequestSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The workflow services' authorisation matrix (issue 8). {@code authorisation-matrix.csv} says what
 * every caller (requesters and managers of Payroll and of another team, an administrator) gets from
 * every public method of a workflows bean that takes an {@link Actor}, on Payroll's requests,
 * decisions, hosts and plans. This test fails when such a method is missing from the file (or from
 * the calls below, which say how to call each), or the file names one that does not exist; then it
 * calls every cell and names each one that answers otherwise.
 */
@SpringBootTest
class AuthorisationMatrixIT {

    private static final String MATRIX = "authorisation-matrix.csv";

    @TempDir
    static Path hostFiles;

    @Autowired
    ApplicationContext context;
    @Autowired
    CapacityRequestService requests;
    @Autowired
    QuotaIncreaseService quotaIncreases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ApprovalPolicyService policies;
    @Autowired
    WhatIfService whatIf;
    @Autowired
    HostMaintenanceService maintenance;
    @Autowired
    RebalanceService rebalance;

    private final AuthorisationMatrix matrix = AuthorisationMatrix.read(MATRIX);

    /** How to call a method on a fixture; whether a call that is allowed changes the fixture. */
    private record Call(boolean changes, BiFunction<Actor, Fixture, Object> invoke) {
    }

    @Test
    void matrixLists_everyPublicMethodThatTakesAnActor() {
        Set<String> methods = methodsTakingAnActor();
        Set<String> listed = matrix.rows().stream().map(Row::method).collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(methods);
        missing.removeAll(listed);
        Set<String> unknown = new TreeSet<>(listed);
        unknown.removeAll(methods);
        Set<String> uncalled = new TreeSet<>(methods);
        uncalled.removeAll(calls(null).keySet());

        assertThat(methods).as("public methods taking an Actor found at all").contains(
                "CapacityRequestService.submit", "ApprovalService.approve", "HostMaintenanceService.drain");
        assertThat(missing).as("methods taking an Actor that %s does not list: add a line for each, with what every "
                + "caller must get", MATRIX).isEmpty();
        assertThat(unknown).as("methods %s lists that no workflows bean has (public, taking an Actor)", MATRIX)
                .isEmpty();
        assertThat(uncalled).as("methods this test does not know how to call: add them to calls()").isEmpty();
    }

    @Test
    void everyCaller_getsFromEveryServiceMethod_whatTheMatrixSays() {
        MatrixFixtures fixtures = new MatrixFixtures(context, hostFiles);
        Map<String, Call> calls = calls(fixtures);
        List<String> differences = new ArrayList<>();
        int cells = 0;
        try {
            for (Row row : matrix.rows()) {
                Call call = calls.get(row.method());
                if (call == null) {
                    differences.add("line " + row.line() + ": no call for " + row.method());
                    continue;
                }
                cells += run(row, call, fixtures, differences);
            }
        } finally {
            fixtures.removeHosts();
        }

        assertThat(differences).as("%d of %d cells differ from %s", differences.size(), cells, MATRIX).isEmpty();
    }

    /**
     * Calls one line's cells: a cell that should change something on a fixture of its own, the
     * others on one fixture for the line. Returns how many cells ran.
     */
    private int run(Row row, Call call, MatrixFixtures fixtures, List<String> differences) {
        Fixture shared = fixtures.make(row.on());
        try {
            for (Map.Entry<String, String> cell : row.expected().entrySet()) {
                String expected = cell.getValue();
                boolean changes = call.changes() && expected.startsWith("allowed");
                Fixture fixture = changes ? fixtures.make(row.on()) : shared;
                try {
                    String actual = outcome(call, fixtures.caller(cell.getKey()), fixture, expected);
                    if (!actual.equals(expected)) {
                        differences.add("line %d: %s on %s, as %s: expected %s, got %s".formatted(row.line(),
                                row.method(), row.on(), cell.getKey(), expected, actual));
                    }
                    if (!changes && call.changes() && actual.startsWith("allowed")) {
                        // a refusal that was not: the line's fixture has changed, the next caller gets a new one
                        remove(shared, row, differences);
                        shared = fixtures.make(row.on());
                    }
                } finally {
                    if (changes) {
                        remove(fixture, row, differences);
                    }
                }
            }
        } finally {
            remove(shared, row, differences);
        }
        return row.expected().size();
    }

    /** A fixture that cannot be removed is a difference too: a call did something the matrix did not expect. */
    private static void remove(Fixture fixture, Row row, List<String> differences) {
        try {
            fixture.close();
        } catch (RuntimeException e) {
            differences.add("line %d: %s on %s: the fixture could not be removed afterwards: %s".formatted(row.line(),
                    row.method(), row.on(), e));
        }
    }

    private static String outcome(Call call, Actor actor, Fixture fixture, String expected) {
        Object result;
        try {
            result = call.invoke().apply(actor, fixture);
        } catch (NotAllowedException e) {
            return "refused";
        } catch (RequestNotFoundException e) {
            return "not found";
        } catch (InvalidRequestException e) {
            return "invalid";
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
        if (result instanceof Optional<?> optional && optional.isEmpty()) {
            return "not found";
        }
        if (expected.endsWith("+") || expected.endsWith("-")) {
            return "allowed" + (holds(result, fixture.id()) ? "+" : "-");
        }
        return "allowed";
    }

    /** Whether a list holds the thing: a request by its id, a decision by its task id. */
    private static boolean holds(Object result, String id) {
        if (!(result instanceof Collection<?> list)) {
            return false;
        }
        return list.stream().anyMatch(element -> element instanceof RequestSummary request
                ? String.valueOf(request.id()).equals(id)
                : element instanceof ApprovalTask task && task.taskId().equals(id));
    }

    /**
     * How each method of the matrix is called: with the caller, on the line's fixture, with input
     * that is valid, so that a caller who may gets through.
     */
    private Map<String, Call> calls(MatrixFixtures f) {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("CapacityRequestService.submit", changes((a, x) -> requests.submit(a, f.form(x.number()))));
        calls.put("CapacityRequestService.requestsOf/1", reads((a, x) -> requests.requestsOf(a)));
        calls.put("CapacityRequestService.requestsOf/3", reads((a, x) -> requests.requestsOf(a, 0, 50)));
        calls.put("CapacityRequestService.countRequestsOf", reads((a, x) -> requests.countRequestsOf(a)));
        calls.put("CapacityRequestService.activeCapacityOf", reads((a, x) -> requests.activeCapacityOf(a)));
        calls.put("CapacityRequestService.details", reads((a, x) -> requests.details(a, x.number())));
        calls.put("CapacityRequestService.function", reads((a, x) -> requests.function(a, x.number())));
        calls.put("CapacityRequestService.withdraw", changes((a, x) -> run(() -> requests.withdraw(a, x.number()))));
        calls.put("CapacityRequestService.extend", changes((a, x) -> run(() ->
                requests.extend(a, x.number(), LocalDate.now().plusDays(60)))));
        calls.put("CapacityRequestService.release", changes((a, x) -> run(() -> requests.release(a, x.number()))));
        calls.put("CapacityRequestService.reviewFailure", changes((a, x) -> run(() -> requests.reviewFailure(a, x.number()))));
        calls.put("QuotaIncreaseService.shortfall", reads((a, x) -> quotaIncreases.shortfall(a, x.number())));
        calls.put("QuotaIncreaseService.ask", changes((a, x) -> run(() ->
                quotaIncreases.ask(a, x.number(), MatrixFixtures.REASON))));
        calls.put("ApprovalService.inbox", reads((a, x) -> approvals.inbox(a)));
        calls.put("ApprovalService.inboxCount", reads((a, x) -> approvals.inboxCount(a)));
        calls.put("ApprovalService.context", reads((a, x) -> approvals.context(a, x.id())));
        calls.put("ApprovalService.approve", changes((a, x) -> run(() ->
                approvals.approve(a, x.id(), MatrixFixtures.REASON))));
        calls.put("ApprovalService.reject", changes((a, x) -> run(() ->
                approvals.reject(a, x.id(), MatrixFixtures.REASON))));
        calls.put("ApprovalService.reassign", changes((a, x) -> run(() ->
                approvals.reassign(a, x.id(), f.caller("paul").username()))));
        calls.put("ApprovalPolicyService.versions", reads((a, x) -> policies.versions(a)));
        calls.put("ApprovalPolicyService.activeDmn", reads((a, x) -> policies.activeDmn(a)));
        calls.put("ApprovalPolicyService.replace", changes((a, x) ->
                policies.replace(a, "approval-policy.dmn", f.activePolicy())));
        calls.put("WhatIfService.ask", reads((a, x) -> whatIf.ask(a, 1, f.smallSize(), f.silverTier())));
        calls.put("HostMaintenanceService.overview", reads((a, x) -> maintenance.overview(a, x.number())));
        calls.put("HostMaintenanceService.drain", changes((a, x) -> maintenance.drain(a, x.number())));
        calls.put("HostMaintenanceService.confirm", changes((a, x) -> run(() -> maintenance.confirm(a, x.number()))));
        calls.put("HostMaintenanceService.discard", changes((a, x) -> run(() -> maintenance.discard(a, x.number()))));
        calls.put("HostMaintenanceService.cancel", changes((a, x) -> run(() -> maintenance.cancel(a, x.number()))));
        calls.put("HostMaintenanceService.decide", changes((a, x) -> run(() ->
                maintenance.decide(a, x.number(), IncompleteDrainDecision.ACTIVE))));
        calls.put("HostMaintenanceService.leaveMaintenance", changes((a, x) -> run(() ->
                maintenance.leaveMaintenance(a, x.number()))));
        calls.put("HostMaintenanceService.confirmFencing", changes((a, x) -> run(() ->
                maintenance.confirmFencing(a, x.number()))));
        calls.put("HostMaintenanceService.recentPlans", reads((a, x) -> maintenance.recentPlans(a, 5)));
        calls.put("HostMaintenanceService.plan", reads((a, x) -> maintenance.plan(a, x.number())));
        calls.put("RebalanceService.planNow", changes((a, x) -> run(() -> rebalance.planNow(a, Goal.BALANCE))));
        calls.put("RebalanceService.waitingForDecision", reads((a, x) -> rebalance.waitingForDecision(a)));
        calls.put("RebalanceService.apply", changes((a, x) -> run(() -> rebalance.apply(a))));
        calls.put("RebalanceService.discard", changes((a, x) -> run(() -> rebalance.discard(a))));
        return calls;
    }

    private static Call reads(BiFunction<Actor, Fixture, Object> invoke) {
        return new Call(false, invoke);
    }

    private static Call changes(BiFunction<Actor, Fixture, Object> invoke) {
        return new Call(true, invoke);
    }

    private static Object run(Runnable action) {
        action.run();
        return Boolean.TRUE;
    }

    /**
     * "Service.method" of every public method taking an Actor, in every bean of the workflows module;
     * "Service.method/3" (the number of parameters) where a name is overloaded.
     */
    private Set<String> methodsTakingAnActor() {
        Set<String> methods = new TreeSet<>();
        Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(Objects::nonNull)
                .map(ClassUtils::getUserClass).distinct()
                .filter(type -> type.getName().startsWith(Actor.class.getPackageName() + "."))
                .forEach(type -> {
                    List<Method> taking = Arrays.stream(type.getDeclaredMethods())
                            .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                            .filter(AuthorisationMatrixIT::takesAnActor).toList();
                    Map<String, Long> names = taking.stream()
                            .collect(Collectors.groupingBy(Method::getName, Collectors.counting()));
                    taking.forEach(m -> methods.add(type.getSimpleName() + "." + m.getName()
                            + (names.get(m.getName()) > 1 ? "/" + m.getParameterCount() : "")));
                });
        return methods;
    }

    private static boolean takesAnActor(Method method) {
        return Arrays.asList(method.getParameterTypes()).contains(Actor.class);
    }
}
