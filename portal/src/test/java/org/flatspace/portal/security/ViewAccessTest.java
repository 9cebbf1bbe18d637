package org.flatspace.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.layout.LoginView;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.RouteNotFoundError;

/**
 * Who may open which view: every route of the portal, for someone not signed in, a requester, a
 * manager and an administrator (one role each). Allowed, the view shows; refused, Vaadin's navigation
 * access control sends a signed-in person to the error view ("not found") and anyone else to the
 * login view. The views are the real ones, on mocked services.
 */
class ViewAccessTest {

    enum Who {
        NOBODY(() -> null), REQUESTER(SignedIn::requester), MANAGER(SignedIn::manager), ADMIN(SignedIn::admin);

        private final Supplier<FlatspaceUser> user;

        Who(Supplier<FlatspaceUser> user) {
            this.user = user;
        }
    }

    private static final Set<Who> SIGNED_IN = EnumSet.of(Who.REQUESTER, Who.MANAGER, Who.ADMIN);
    private static final Set<Who> TEAM_MEMBERS = EnumSet.of(Who.REQUESTER, Who.MANAGER);
    private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);

    /** Route template, the path opened for it, and who may open it. */
    private record Rule(String template, String path, Set<Who> allowed) {
    }

    private static final Map<String, Rule> RULES = rules(
            new Rule("login", "login", EnumSet.allOf(Who.class)),
            new Rule("", "", SIGNED_IN),
            new Rule("requests/:id", "requests/1", SIGNED_IN),
            new Rule("functions/:id", "functions/1", SIGNED_IN),
            new Rule("notifications", "notifications", SIGNED_IN),
            new Rule("tokens", "tokens", SIGNED_IN),
            new Rule("request", "request", TEAM_MEMBERS),
            new Rule("dashboard", "dashboard", TEAM_MEMBERS),
            new Rule("approvals", "approvals", EnumSet.of(Who.MANAGER, Who.ADMIN)),
            new Rule("admin/hosts", "admin/hosts", ADMINS),
            new Rule("admin/hosts/:id", "admin/hosts/1", ADMINS),
            new Rule("admin/health", "admin/health", ADMINS),
            new Rule("admin/plans", "admin/plans", ADMINS),
            new Rule("admin/quotas", "admin/quotas", ADMINS),
            new Rule("admin/catalog", "admin/catalog", ADMINS),
            new Rule("admin/policy", "admin/policy", ADMINS),
            new Rule("admin/what-if", "admin/what-if", ADMINS),
            new Rule("admin/people", "admin/people", ADMINS),
            new Rule("admin/audit", "admin/audit", ADMINS));

    private final BrowserlessUi ui = new BrowserlessUi();

    @BeforeEach
    void start() {
        Resources none = new Resources(0, 0, 0, 0);
        when(ui.mock(QuotaService.class).usage(anyLong()))
                .thenReturn(new QuotaUsage(SignedIn.PAYROLL, new Resources(8, 16384, 100, 4), none, none));
        when(ui.mock(HostMaintenanceService.class).overview(any(), anyLong()))
                .thenThrow(new IllegalArgumentException("No host 1"));
        ui.start();
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    static Stream<Arguments> everyRouteForEveryone() {
        return RULES.values().stream().flatMap(rule -> Stream.of(Who.values())
                .map(who -> Arguments.of(who, rule.path(), rule.allowed().contains(who))));
    }

    @ParameterizedTest(name = "{0} opening \"{1}\" is let in: {2}")
    @MethodSource("everyRouteForEveryone")
    void aViewOpensOnlyForTheRolesItsAnnotationsAllow(Who who, String path, boolean allowed) {
        Class<? extends Component> view = viewAt(path);
        FlatspaceUser user = who.user.get();
        if (user != null) {
            SignedIn.as(user);
        }

        Throwable refusal = catchThrowable(() -> BrowserlessUi.open(path));
        Component shown = UI.getCurrent().getCurrentView();

        if (allowed) {
            assertThat(refusal).as("opening %s as %s", path, who).isNull();
            assertThat(shown).isInstanceOf(view);
        } else if (who == Who.NOBODY) {
            assertThat(refusal).isNull();
            assertThat(shown).as("not signed in, %s sends to the login", path).isInstanceOf(LoginView.class);
        } else {
            // as if there were no such page: nothing says that it exists
            assertThat(refusal).as("opening %s as %s", path, who).isNull();
            assertThat(shown).as("opening %s as %s", path, who).isExactlyInstanceOf(RouteNotFoundError.class);
        }
    }

    @Test
    void everyRouteOfThePortalHasARule() {
        Set<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).collect(Collectors.toSet());

        assertThat(routes).containsExactlyInAnyOrderElementsOf(RULES.keySet());
    }

    private static Class<? extends Component> viewAt(String path) {
        return RouteConfiguration.forApplicationScope().getRoute(path)
                .orElseThrow(() -> new AssertionError("No route " + path));
    }

    private static Map<String, Rule> rules(Rule... rules) {
        Map<String, Rule> byTemplate = new LinkedHashMap<>();
        for (Rule rule : rules) {
            byTemplate.put(rule.template(), rule);
        }
        return byTemplate;
    }
}
