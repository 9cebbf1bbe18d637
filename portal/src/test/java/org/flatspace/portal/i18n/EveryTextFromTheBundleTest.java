package org.flatspace.portal.i18n;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flatspace.config.audit.AuditService;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.person.PasswordRules;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonAdminService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.api.token.ApiTokenInfo;
import org.flatspace.portal.api.token.ApiTokenService;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.portal.security.SignedIn;
import org.flatspace.provisioning.health.HostHealth;
import org.flatspace.provisioning.health.HostHealthService;
import org.flatspace.provisioning.host.HostOverhead;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceState;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.HostOverview;
import org.flatspace.workflows.request.ApprovalKind;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.flatspace.workflows.request.DecisionContext;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.FunctionDetails;
import org.flatspace.workflows.request.FunctionInstance;
import org.flatspace.workflows.request.RequestDetails;
import org.flatspace.workflows.request.RequestInstance;
import org.flatspace.workflows.request.RequestStatus;
import org.flatspace.workflows.request.RequestSummary;
import org.flatspace.workflows.request.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;

import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonString;
import elemental.json.JsonType;
import elemental.json.JsonValue;

/**
 * Every text a view shows comes from the bundle: each route opened as someone who may open it, in
 * a pseudo-language where every text of the bundle reads {@code ⟦...⟧}; then every visible wording
 * on the page (text, labels, helper texts, placeholders, tooltips, ARIA labels, grid headers, cells
 * and empty states, the side navigation, dialogs, notifications, the page title) must be wrapped.
 * Data the test put in (names, numbers, domain messages from the services) is allowed as it is.
 */
class EveryTextFromTheBundleTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:15:30Z");
    private static final LocalDate LEASE_END = LocalDate.of(2027, 2, 28);
    private static final TeamInfo PAYROLL = new TeamInfo(SignedIn.PAYROLL, "Payroll");
    private static final TierInfo GOLD = new TierInfo(1, "gold", true, true, true, 1.0);
    private static final SizeInfo SMALL = new SizeInfo(1, "small", 1, 2048, 20);
    private static final FunctionInfo BATCH = new FunctionInfo(1, SignedIn.PAYROLL, "Payroll batch", GOLD);
    private static final RequestSummary ACTIVE = new RequestSummary(1, "alice", 1, "Payroll batch", "small", 2,
            LEASE_END, RequestStatus.ACTIVE, "approved by paul", AT);
    private static final HostView HOST = new HostView(1, "demo-a1", "test:///demo-a1.xml", HypervisorType.TEST,
            HostState.ACTIVE, 16, 65536, 500, 2.0, "rack-a", 4, 8192, 40, 1.0, 1.0, HostOverhead.NONE, Set.of());
    private static final PersonAccount ERIN = new PersonAccount(7, "erin", "Erin Example", "erin@example.org",
            "{noop}x", SignedIn.PAYROLL, Set.of(Role.REQUESTER), true);

    /** What the mocks give the views: shown as it is, not from the bundle. */
    private static final Set<String> DATA = Set.of("alice", "paul", "admin", "Payroll", "Payroll batch", "gold",
            "small", "demo-a1", "test:///demo-a1.xml", "rack-a", "TEST", "payroll-batch-1", "RUNNING",
            "approved by paul", "submitted", "Month-end runs", "erin", "Erin Example", "erin@example.org",
            "nightly pipeline", "R/PT30S", PasswordRules.HINT, SMALL.describe());

    private final BrowserlessUi ui = new BrowserlessUi().texts(new PseudoLocale(), PseudoLocale.LOCALE);
    private final Set<String> data = new HashSet<>(DATA);

    static Stream<Arguments> everyRouteAsSomeoneWhoMayOpenIt() {
        Supplier<FlatspaceUser> nobody = () -> null;
        Supplier<FlatspaceUser> requester = SignedIn::requester;
        Supplier<FlatspaceUser> manager = SignedIn::manager;
        Supplier<FlatspaceUser> admin = SignedIn::admin;
        return Stream.of(
                Arguments.of("login", nobody), Arguments.of("", requester), Arguments.of("requests/1", requester),
                Arguments.of("functions/1", requester),
                Arguments.of("notifications", requester), Arguments.of("tokens", requester),
                Arguments.of("request", requester), Arguments.of("dashboard", manager),
                Arguments.of("approvals", manager), Arguments.of("admin/hosts", admin),
                Arguments.of("admin/hosts/1", admin), Arguments.of("admin/health", admin),
                Arguments.of("admin/plans", admin), Arguments.of("admin/quotas", admin),
                Arguments.of("admin/catalog", admin), Arguments.of("admin/policy", admin),
                Arguments.of("admin/what-if", admin), Arguments.of("admin/people", admin),
                Arguments.of("admin/audit", admin));
    }

    @BeforeEach
    void start() {
        Resources none = new Resources(0, 0, 0, 0);
        when(ui.mock(QuotaService.class).usage(anyLong()))
                .thenReturn(new QuotaUsage(SignedIn.PAYROLL, new Resources(8, 16384, 100, 4),
                        new Resources(2, 4096, 40, 2), none));
        TeamService teams = ui.mock(TeamService.class);
        when(teams.team(anyLong())).thenReturn(Optional.of(PAYROLL));
        when(teams.teams()).thenReturn(List.of(PAYROLL));
        when(teams.teamsByName()).thenReturn(List.of(PAYROLL));
        CatalogService catalog = ui.mock(CatalogService.class);
        when(catalog.functionsOf(anyLong())).thenReturn(List.of(BATCH));
        when(catalog.sizes()).thenReturn(List.of(SMALL));
        when(catalog.tiers()).thenReturn(List.of(GOLD));
        CapacityRequestService requests = ui.mock(CapacityRequestService.class);
        when(requests.requestsOf(any(), anyInt(), anyInt())).thenReturn(List.of(ACTIVE));
        when(requests.countRequestsOf(any())).thenReturn(1L);
        when(requests.details(any(), anyLong())).thenReturn(Optional.of(new RequestDetails(ACTIVE, "Month-end runs",
                List.of(new TimelineEntry(AT, "alice", "submitted", "Month-end runs")),
                List.of(new RequestInstance(UUID.randomUUID(), "payroll-batch-1", "small", "RUNNING")), false, true)));
        // more requests than the page shows, so that it says it shows the latest
        when(requests.function(any(), anyLong())).thenReturn(Optional.of(new FunctionDetails(BATCH,
                List.of(new FunctionInstance(UUID.randomUUID(), "payroll-batch-1", "small", InstanceState.RUNNING, 1L,
                        LEASE_END)), new Resources(1, 2048, 20, 1), List.of(ACTIVE), 60)));
        when(ui.mock(ApprovalService.class).inbox(any())).thenReturn(List.of(new ApprovalTask("t1",
                ApprovalKind.MANAGER, ACTIVE, "Month-end runs", new Resources(2, 4096, 40, 2), null, AT, "paul",
                false)));
        when(ui.mock(ApprovalService.class).inboxCount(any())).thenReturn(1L);
        when(ui.mock(ApprovalService.class).context(any(), any())).thenReturn(new DecisionContext("Payroll",
                new QuotaUsage(1, new Resources(32, 65536, 1000, 16), new Resources(4, 8192, 80, 2),
                        new Resources(2, 4096, 40, 2)), List.of(ACTIVE)));
        when(ui.mock(HostMaintenanceService.class).overview(any(), anyLong())).thenReturn(new HostOverview(HOST, false,
                List.of(), Optional.empty(), null, List.of(), List.of()));
        PoolService pool = ui.mock(PoolService.class);
        when(pool.hosts(anyInt(), anyInt(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
                .thenReturn(List.of(HOST));
        when(pool.count()).thenReturn(1L);
        when(pool.hosts()).thenReturn(List.of(HOST));
        HostHealthService health = ui.mock(HostHealthService.class);
        when(health.cycle()).thenReturn("R/PT30S");
        when(health.report(anyInt(), anyInt())).thenReturn(List.of(new HostHealth(1, "demo-a1", HostState.ACTIVE, 0,
                AT, null, null, null)));
        when(health.reportSize()).thenReturn(1L);
        PersonAdminService people = ui.mock(PersonAdminService.class);
        when(people.find(any(), any(), anyInt(), anyInt())).thenReturn(List.of(ERIN));
        when(people.count(any(), any())).thenReturn(1L);
        when(people.headcounts()).thenReturn(Map.of(SignedIn.PAYROLL, 1L));
        when(ui.mock(AuditService.class).actions()).thenReturn(List.of("login.success"));
        when(ui.mock(ApiTokenService.class).tokensOf(any())).thenReturn(List.of(new ApiTokenInfo(1, "nightly pipeline",
                AT, AT.plusSeconds(86_400 * 30), null)));
        ui.start();
        // dates and times are data, in the UI's locale
        data.addAll(List.of(Texts.time(AT), Texts.date(LEASE_END), Texts.date(AT.plusSeconds(86_400 * 30 - 1))));
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("everyRouteAsSomeoneWhoMayOpenIt")
    void everyTextOnThePage_comesFromTheBundle(String route, Supplier<FlatspaceUser> who) {
        FlatspaceUser user = who.get();
        if (user != null) {
            SignedIn.as(user);
        }
        BrowserlessUi.open(route);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).as("the view opened")
                .isEqualTo(route);
        openWhatTheViewOpensOnDemand(route);

        assertThat(unwrappedTexts()).as("texts on \"%s\" that are not from the bundle", route).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("everyRouteAsSomeoneWhoMayOpenIt")
    void everyInputHasALabel_andEveryButtonWithoutTextAName(String route, Supplier<FlatspaceUser> who) {
        FlatspaceUser user = who.get();
        if (user != null) {
            SignedIn.as(user);
        }
        BrowserlessUi.open(route);
        openWhatTheViewOpensOnDemand(route);

        List<String> unnamed = new ArrayList<>();
        unnamed(UI.getCurrent(), unnamed);

        assertThat(unnamed).as("inputs and buttons on \"%s\" that a screen reader cannot name", route).isEmpty();
    }

    /** An input without a label, or a button with only an icon and neither an ARIA label nor a tooltip. */
    private static void unnamed(com.vaadin.flow.component.Component component, List<String> unnamed) {
        Element element = component.getElement();
        boolean named = !blank(element.getProperty("label")) || !blank(element.getProperty("accessibleName"))
                || !blank(element.getAttribute("aria-label"));
        if (component instanceof com.vaadin.flow.component.HasValue<?, ?>) {
            if (!named) {
                unnamed.add(element.getTag() + " " + element.getAttribute("id"));
            }
            return; // its children are its own parts (a date-time picker's date and time)
        }
        if (component instanceof Button button && blank(button.getText()) && !named
                && (button.getTooltip() == null || blank(button.getTooltip().getText()))) {
            unnamed.add(component.getClass().getSimpleName() + " " + element.getAttribute("id"));
        }
        if (component instanceof com.vaadin.flow.component.upload.Upload) {
            return; // its button's text comes from its i18n, which the text check reads
        }
        component.getChildren().forEach(child -> unnamed(child, unnamed));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @Test
    void theCheckNamesALiteral() {
        SignedIn.as(SignedIn.requester());
        BrowserlessUi.open("request");
        UI.getCurrent().add(new Button("Submit"));

        assertThat(unwrappedTexts()).containsExactly("vaadin-button text: Submit");
    }

    @Test
    void everyRouteOfThePortalIsChecked() {
        Set<String> checked = new HashSet<>();
        everyRouteAsSomeoneWhoMayOpenIt()
                .forEach(route -> checked.add(((String) route.get()[0]).replace("/1", "/:id")));

        Set<String> routes = new HashSet<>();
        RouteConfiguration.forApplicationScope().getAvailableRoutes().stream().map(RouteData::getTemplate)
                .forEach(routes::add);

        assertThat(checked).containsExactlyInAnyOrderElementsOf(routes);
    }

    /** Selects the row that opens an editor or a decision, and opens the confirmation dialog. */
    private static void openWhatTheViewOpensOnDemand(String route) {
        switch (route) {
            case "requests/1" -> _click(_get(Button.class, spec -> spec.withId("release")));
            case "approvals", "admin/quotas", "admin/people" -> grids().forEach(grid -> {
                if (grid.getId().filter(id -> id.equals("approvals") || id.equals("quotas") || id.equals("people"))
                        .isPresent()) {
                    select(grid);
                }
            });
            default -> {
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void select(Grid grid) {
        grid.select(GridKt._get(grid, 0));
    }

    private List<String> unwrappedTexts() {
        List<String> found = new ArrayList<>();
        check(found, "page title", UI.getCurrent().getInternals().getTitle());
        walk(UI.getCurrent(), found, new HashSet<>());
        grids().forEach(grid -> {
            String where = "grid " + grid.getId().orElse("?");
            grid.getColumns().forEach(column -> check(found, where + " header",
                    ((Grid.Column<?>) column).getHeaderText()));
            check(found, where + " empty state", grid.getEmptyStateText());
            for (int row = 0; row < Math.min(GridKt._size(grid), 3); row++) {
                cells(grid, GridKt._get(grid, row), where, found);
            }
        });
        return found;
    }

    /** A cell's text, or the wording of the component a component column puts in it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void cells(Grid grid, Object item, String where, List<String> found) {
        for (Object each : grid.getColumns()) {
            Grid.Column column = (Grid.Column) each;
            if (column.getRenderer() instanceof ComponentRenderer renderer) {
                walk(renderer.createComponent(item), found, new HashSet<>());
            } else {
                check(found, where + " cell", GridKt._getFormatted(column, item));
            }
        }
    }

    private static final List<String> WORDING = List.of("label", "helperText", "placeholder", "title", "header",
            "message", "confirmText", "cancelText", "rejectText", "text", "emptySelectionCaption", "accessibleName",
            "errorMessage", "i18n");

    /**
     * A component and everything in it: the route's view sits in the UI's component tree but not
     * under the UI's element, so both trees are followed, each element read once.
     */
    private void walk(com.vaadin.flow.component.Component component, List<String> found, Set<Element> seen) {
        walk(component.getElement(), found, seen);
        // a date picker's texts go to the browser by a JavaScript call, not as a property
        if (component instanceof DatePicker picker) {
            datePicker(found, picker.getI18n());
        } else if (component instanceof DateTimePicker picker) {
            datePicker(found, picker.getDatePickerI18n());
        } else if (component instanceof Upload upload) {
            texts(found, "vaadin-upload i18n", upload.getI18n());
        }
        component.getChildren().forEach(child -> walk(child, found, seen));
    }

    private void walk(Element element, List<String> found, Set<Element> seen) {
        if (element.isTextNode() || !seen.add(element)) {
            return; // a text node is read with its parent's text
        }
        String tag = element.getTag();
        if (element.getComponent().orElse(null) instanceof SideNavItem item) {
            check(found, tag + " label", item.getLabel());
        }
        check(found, tag + " text", element.getText());
        for (String property : WORDING) {
            Serializable value = element.getPropertyRaw(property);
            if (value instanceof String text) {
                check(found, tag + " " + property, text);
            } else if (value instanceof JsonValue json && property.equals("i18n")) {
                json(found, tag + " i18n", json);
            }
        }
        for (String attribute : List.of("aria-label", "title")) {
            check(found, tag + " " + attribute, element.getAttribute(attribute));
        }
        element.getChildren().forEach(child -> walk(child, found, seen));
    }

    /** Without texts of its own a date picker shows Vaadin's English "Today" and "Cancel". */
    private void datePicker(List<String> found, DatePicker.DatePickerI18n i18n) {
        if (i18n == null) {
            found.add("vaadin-date-picker without i18n");
            return;
        }
        for (String text : java.util.Arrays.asList(i18n.getToday(), i18n.getCancel(), i18n.getBadInputErrorMessage(),
                i18n.getMinErrorMessage(), i18n.getMaxErrorMessage())) {
            check(found, "vaadin-date-picker i18n", text == null ? "(none)" : text);
        }
    }

    /** Every text of an i18n object (its String getters, and those of the objects it holds). */
    private void texts(List<String> found, String where, Object i18n) {
        if (i18n == null) {
            found.add(where + ": none, so Vaadin's English");
            return;
        }
        for (java.lang.reflect.Method getter : i18n.getClass().getMethods()) {
            if (!getter.getName().startsWith("get") || getter.getParameterCount() > 0
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(i18n);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = where + "." + getter.getName().substring(3);
            if (getter.getReturnType() == String.class) {
                check(found, name, value == null ? "(none, so Vaadin's English)" : (String) value);
            } else if (getter.getReturnType().getName().startsWith(i18n.getClass().getName().replaceAll("\\$.*", ""))) {
                texts(found, name, value);
            }
        }
    }

    private void json(List<String> found, String where, JsonValue json) {
        if (json.getType() == JsonType.STRING) {
            check(found, where, ((JsonString) json).getString());
        } else if (json.getType() == JsonType.OBJECT) {
            JsonObject object = (JsonObject) json;
            for (String key : object.keys()) {
                // file size units are symbols, the same in every language; names of months and days come
                // from the locale's data, as formatted dates do
                if (!Set.of("units", "monthNames", "weekdays", "weekdaysShort").contains(key)) {
                    json(found, where + "." + key, object.get(key));
                }
            }
        } else if (json.getType() == JsonType.ARRAY) {
            JsonArray array = (JsonArray) json;
            for (int i = 0; i < array.length(); i++) {
                json(found, where, array.get(i));
            }
        }
    }

    /** Wording is wrapped; data is what the test put in, or numbers (no letter in it). */
    private void check(List<String> found, String where, String text) {
        if (text == null || !text.matches("(?s).*\\p{L}.*") || PseudoLocale.isWrapped(text.strip())
                || data.contains(text.strip())) {
            return;
        }
        found.add(where + ": " + text);
    }

    @SuppressWarnings("rawtypes")
    private static List<Grid> grids() {
        List<Grid> grids = new ArrayList<>();
        UI.getCurrent().getChildren().forEach(c -> collect(c, grids));
        return grids;
    }

    @SuppressWarnings("rawtypes")
    private static void collect(com.vaadin.flow.component.Component component, List<Grid> grids) {
        if (component instanceof Grid grid && grid.isVisible()) {
            grids.add(grid);
        }
        component.getChildren().forEach(c -> collect(c, grids));
    }
}
