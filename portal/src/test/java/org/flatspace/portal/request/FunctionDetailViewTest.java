package org.flatspace.portal.request;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.security.SignedIn;
import org.flatspace.provisioning.instance.InstanceState;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.FunctionDetails;
import org.flatspace.workflows.request.FunctionInstance;
import org.flatspace.workflows.request.RequestStatus;
import org.flatspace.workflows.request.RequestSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

/**
 * A business function's page: its tier in words, what runs for it (never a host), its requests and
 * the way to request more; another team's function, or one that does not exist, reads "not found"
 * and shows nothing of it.
 */
class FunctionDetailViewTest {

    private static final long BATCH_ID = 7;
    private static final LocalDate LEASE_END = LocalDate.of(2027, 3, 31);
    private static final FunctionInfo BATCH = new FunctionInfo(BATCH_ID, SignedIn.PAYROLL, "Payroll batch",
            new TierInfo(2, "silver", false, true, true, 2.0));
    private static final RequestSummary NEWER = new RequestSummary(43, "rita", BATCH_ID, "Payroll batch", "medium", 1,
            LEASE_END, RequestStatus.PENDING_APPROVAL, null, Instant.now());
    private static final RequestSummary OLDER = new RequestSummary(42, "alice", BATCH_ID, "Payroll batch", "small", 2,
            LEASE_END, RequestStatus.ACTIVE, "approved by paul", Instant.now());
    private static final FunctionDetails DETAILS = new FunctionDetails(BATCH, List.of(
            new FunctionInstance(UUID.randomUUID(), "payroll-batch-1a2b3c4d", "small", InstanceState.RUNNING, 42L,
                    LEASE_END),
            new FunctionInstance(UUID.randomUUID(), "payroll-batch-5e6f7a8b", "small", InstanceState.RUNNING, 42L,
                    LEASE_END)),
            new Resources(2, 4096, 40, 2), List.of(NEWER, OLDER), 2);

    private final BrowserlessUi ui = new BrowserlessUi();
    private CapacityRequestService requests;

    @BeforeEach
    void start() {
        requests = ui.mock(CapacityRequestService.class);
        when(ui.mock(CatalogService.class).functionsOf(SignedIn.PAYROLL)).thenReturn(List.of(BATCH));
        ui.start();
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void theTeam_seesTheTierInWords_whatRunsWithItsTotals_andTheRequestsNewestFirst() {
        SignedIn.as(SignedIn.requester());
        when(requests.function(any(), eq(BATCH_ID))).thenReturn(Optional.of(DETAILS));

        BrowserlessUi.open("functions/" + BATCH_ID);

        assertThat(_get(H2.class, spec -> spec.withId("function-title")).getText())
                .isEqualTo("Business function Payroll batch");
        assertThat(_get(Paragraph.class, spec -> spec.withId("tier")).getText()).startsWith("Service tier silver");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText)).containsExactly(
                "not spread across fault domains: many may run in the same one",
                "restarted on another host when theirs fails",
                "moved while they run (live migration) when their host is drained or the pool is rebalanced",
                "given shared CPUs: up to 2 vCPU per physical core");
        assertThat(_get(Span.class, spec -> spec.withId("running-totals")).getText())
                .isEqualTo("In all: 2 instances, 2 vCPU, 4 GiB memory, 40 GiB disk.");

        Grid<FunctionInstance> instances = grid("function-instances");
        assertThat(GridKt._size(instances)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(instances, 0)).startsWith("payroll-batch-1a2b3c4d", "small", "RUNNING");
        assertThat(requestLink(instances, GridKt._get(instances, 0)).getHref()).isEqualTo("requests/42");

        Grid<RequestSummary> list = grid("function-requests");
        assertThat(GridKt._findAll(list)).extracting(RequestSummary::id).containsExactly(43L, 42L);
        assertThat(GridKt._getFormattedRow(list, 1)).contains("Active", "2 x small", "alice");
        assertThat(_find(Paragraph.class, spec -> spec.withId("requests-latest"))).as("all of them shown").isEmpty();
        assertThat(_get(RouterLink.class, spec -> spec.withId("request-capacity")).getHref())
                .isEqualTo("request?function=" + BATCH_ID);
    }

    @Test
    void noHostIsNamed_evenToAnAdministrator() {
        SignedIn.as(SignedIn.admin());
        when(requests.function(any(), eq(BATCH_ID))).thenReturn(Optional.of(DETAILS));

        BrowserlessUi.open("functions/" + BATCH_ID);

        Grid<FunctionInstance> instances = grid("function-instances");
        assertThat(instances.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("Instance", "Size", "State", "Request", "Lease ends");
        assertThat(_find(RouterLink.class, spec -> spec.withId("request-capacity")))
                .as("an administrator requests nothing for another team").isEmpty();
    }

    @Test
    void manyRequests_theLatestAreShown_andThePageSaysSo() {
        SignedIn.as(SignedIn.manager());
        when(requests.function(any(), eq(BATCH_ID))).thenReturn(Optional.of(new FunctionDetails(BATCH, List.of(),
                new Resources(0, 0, 0, 0), List.of(NEWER, OLDER), 2100)));

        BrowserlessUi.open("functions/" + BATCH_ID);

        assertThat(_get(Paragraph.class, spec -> spec.withId("requests-latest")).getText())
                .isEqualTo("The latest 2 of its 2,100 requests; the request list has them all.");
        assertThat(grid("function-instances").getEmptyStateText()).isEqualTo("Nothing runs for this function now.");
    }

    @Test
    void anotherTeamsFunction_readsNotFound_andShowsNothingOfIt() {
        SignedIn.as(SignedIn.person("wendy", SignedIn.WEB_SHOP, org.flatspace.config.person.Role.REQUESTER));
        when(requests.function(any(), eq(BATCH_ID))).thenReturn(Optional.empty());

        BrowserlessUi.open("functions/" + BATCH_ID);

        assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText()).isEqualTo("Business function not found");
        assertThat(_find(Grid.class)).isEmpty();
        assertThat(UI.getCurrent().getElement().getOuterHTML() + UI.getCurrent().getCurrentView().getElement()
                .getOuterHTML()).doesNotContain("Payroll", "silver", "payroll-batch");
    }

    @Test
    void theRequestFormOpenedFromThePage_hasTheFunctionChosen() {
        SignedIn.as(SignedIn.requester());

        UI.getCurrent().navigate("request", QueryParameters.of("function", String.valueOf(BATCH_ID)));

        assertThat(_get(ComboBox.class, spec -> spec.withId("function")).getValue()).isEqualTo(BATCH);
    }

    @Test
    void theRequestForm_ignoresAFunctionThatIsNotTheTeams() {
        SignedIn.as(SignedIn.requester());

        UI.getCurrent().navigate("request", QueryParameters.of("function", "999"));

        assertThat(_get(ComboBox.class, spec -> spec.withId("function")).getValue()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RouterLink requestLink(Grid<FunctionInstance> grid, FunctionInstance item) {
        Grid.Column column = grid.getColumns().get(3);
        return (RouterLink) ((com.vaadin.flow.data.renderer.ComponentRenderer) column.getRenderer())
                .createComponent(item);
    }
}
