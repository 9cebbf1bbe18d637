package org.flatspace.portal.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.PortalIntegrationTest;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.portal.security.SignedIn;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.NewCapacityRequest;
import org.flatspace.workflows.request.RequestStatus;
import org.flatspace.workflows.request.RequestSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

/**
 * The dashboard counts its team's active capacity in the database; what it shows per function must
 * be what the team's request list adds up to (the requests that are ACTIVE, their instances, the
 * nearest lease end), here with one request of wendy's (Web shop) made active for the test.
 */
class TeamDashboardIT extends PortalIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserDetailsService people;
    @Autowired
    CapacityRequestService requests;
    @Autowired
    CatalogService catalog;

    @BeforeEach
    void startVaadin() {
        SignedIn.fakeRequestsShowTheSecurityContext();
        MockVaadin.setup(UI::new, new MockSpringServlet(BrowserlessUi.routes(), context, UI::new));
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
        SignedIn.nobody();
    }

    @Test
    void functionsShowTheActiveCapacityThatTheRequestListAddsUpTo() throws InterruptedException {
        FlatspaceUser wendy = (FlatspaceUser) people.loadUserByUsername("wendy");
        SignedIn.as(wendy);
        Actor actor = wendy.toActor();
        FunctionInfo search = catalog.functionsOf(wendy.teamId()).stream()
                .filter(f -> f.name().equals("Shop search")).findFirst().orElseThrow();
        long small = catalog.sizes().stream().filter(s -> s.name().equals("small")).findFirst().orElseThrow().id();
        long id = requests.submit(actor, new NewCapacityRequest(search.id(), small, 2, LocalDate.now().plusDays(20),
                "dashboard test")).id();
        try {
            awaitActive(actor, id);
            List<RequestSummary> active = requests.requestsOf(actor).stream()
                    .filter(r -> r.status() == RequestStatus.ACTIVE).toList();
            Map<String, List<RequestSummary>> byFunction = active.stream()
                    .collect(Collectors.groupingBy(RequestSummary::functionName));

            BrowserlessUi.open("dashboard");
            @SuppressWarnings("unchecked")
            Grid<TeamDashboardView.FunctionLine> functions = _get(Grid.class, spec -> spec.withId("functions"));

            List<TeamDashboardView.FunctionLine> lines = GridKt._findAll(functions);
            assertThat(lines).extracting(TeamDashboardView.FunctionLine::name).contains("Shop search", "Shop front end");
            for (TeamDashboardView.FunctionLine line : lines) {
                List<RequestSummary> its = byFunction.getOrDefault(line.name(), List.of());
                assertThat(line.activeRequests()).as("active requests of %s", line.name()).isEqualTo(its.size());
                assertThat(line.instances()).as("instances of %s", line.name())
                        .isEqualTo(its.stream().mapToLong(RequestSummary::count).sum());
                assertThat(line.nextLeaseEnd()).as("next lease end of %s", line.name()).isEqualTo(its.stream()
                        .map(RequestSummary::leaseEnd).filter(Objects::nonNull).min(Comparator.naturalOrder())
                        .orElse(null));
            }
            assertThat(lines).filteredOn(l -> l.name().equals("Shop search"))
                    .allSatisfy(l -> assertThat(l.instances()).isGreaterThanOrEqualTo(2));
        } finally {
            if (status(actor, id) == RequestStatus.ACTIVE) {
                requests.release(actor, id);
            }
        }
    }

    private void awaitActive(Actor actor, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (status(actor, id) != RequestStatus.ACTIVE) {
            assertThat(Instant.now()).as("request %s active within 60 s, is %s", id, status(actor, id))
                    .isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private RequestStatus status(Actor actor, long id) {
        return requests.details(actor, id).orElseThrow().summary().status();
    }
}
