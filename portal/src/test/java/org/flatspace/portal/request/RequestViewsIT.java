package org.flatspace.portal.request;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.PortalIntegrationTest;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.portal.security.SignedIn;
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

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The requester's views on the real services and MariaDB, without a browser: the views come from
 * the portal's application context (the API tests' one), the demo's people sign in as the login
 * form would sign them in, and Vaadin's navigation access control is the portal's own.
 */
class RequestViewsIT extends PortalIntegrationTest {

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
    void aRequestWithWrongFields_namesEachBesideItsField_andRecordsNothing() {
        FlatspaceUser alice = signIn("alice");
        int before = requests.requestsOf(alice.toActor()).size();
        BrowserlessUi.open("request");

        _setValue(_get(IntegerField.class, spec -> spec.withId("count")), 0);
        _setValue(_get(TextArea.class, spec -> spec.withId("reason")), "   ");
        _click(_get(Button.class, spec -> spec.withId("submit")));

        assertInvalid(_get(ComboBox.class, spec -> spec.withId("function")), "function");
        assertThat(assertInvalid(_get(IntegerField.class, spec -> spec.withId("count")), "count"))
                .isEqualTo("Ask for 1 to 100 instances in one request");
        assertThat(assertInvalid(_get(TextArea.class, spec -> spec.withId("reason")), "reason"))
                .isEqualTo("Say why the capacity is needed");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RequestCapacityView.class);
        assertThat(requests.requestsOf(alice.toActor())).hasSize(before);
    }

    @Test
    void aRequesterTypingAnotherTeamsRequestId_readsNotFound_andSeesNothingOfIt() {
        FlatspaceUser alice = signIn("alice");
        String reason = "Payroll secret " + UUID.randomUUID();
        FunctionInfo api = catalog.functionsOf(alice.teamId()).stream().filter(f -> f.name().equals("Payroll API"))
                .findFirst().orElseThrow();
        RequestSummary payrolls = requests.submit(alice.toActor(), new NewCapacityRequest(api.id(),
                catalog.sizes().get(0).id(), 1, LocalDate.now().plusDays(30), reason));
        try {
            Component own = BrowserlessUi.open("requests/" + payrolls.id());
            assertThat(text(own)).as("alice's own request").contains(reason);

            signIn("wendy");
            Component other = BrowserlessUi.open("requests/" + payrolls.id());

            assertThat(other).isInstanceOf(RequestDetailView.class);
            assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText()).isEqualTo("Request not found");
            assertThat(text(other)).doesNotContain(reason).doesNotContain("Payroll API").doesNotContain("alice");
        } finally {
            RequestStatus status = requests.details(alice.toActor(), payrolls.id()).orElseThrow().summary().status();
            if (status == RequestStatus.PENDING_APPROVAL || status == RequestStatus.OVER_QUOTA) {
                requests.withdraw(alice.toActor(), payrolls.id());
            }
        }
    }

    @Test
    void aRequesterTypingAnotherTeamsFunctionId_readsNotFound_andSeesNothingOfIt() {
        FlatspaceUser alice = signIn("alice");
        FunctionInfo api = catalog.functionsOf(alice.teamId()).stream().filter(f -> f.name().equals("Payroll API"))
                .findFirst().orElseThrow();
        Component own = BrowserlessUi.open("functions/" + api.id());
        assertThat(text(own)).as("alice's own team's function").contains("Payroll API");

        signIn("wendy");
        Component other = BrowserlessUi.open("functions/" + api.id());

        assertThat(other).isInstanceOf(FunctionDetailView.class);
        assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText())
                .isEqualTo("Business function not found");
        assertThat(text(other)).doesNotContain("Payroll").doesNotContain(api.tier().name());
    }

    private FlatspaceUser signIn(String username) {
        FlatspaceUser user = (FlatspaceUser) people.loadUserByUsername(username);
        SignedIn.as(user);
        return user;
    }

    /** The field is marked invalid with a message; the message. */
    private static String assertInvalid(HasValidation field, String name) {
        assertThat(field.isInvalid()).as("%s invalid", name).isTrue();
        assertThat(field.getErrorMessage()).as("%s's message", name).isNotBlank();
        return field.getErrorMessage();
    }

    /** Every text on the page, as a person would read it. */
    private static String text(Component page) {
        StringBuilder all = new StringBuilder();
        for (Component c : _find(page, Component.class)) {
            if (c instanceof HasText t) {
                all.append(t.getText()).append('\n');
            }
        }
        return all.toString();
    }
}
