package org.flatspace.portal.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.flatspace.portal.api.token.ApiTokenInfo;
import org.flatspace.portal.api.token.ApiTokenService;
import org.flatspace.portal.api.token.CreatedApiToken;
import org.flatspace.portal.api.token.InvalidTokenException;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * The signed-in person's API tokens: create one for a script (its secret is shown once, here, and
 * never again), see when each was last used, revoke those no longer needed.
 */
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("API tokens | Flatspace")
@PermitAll
public class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.systemDefault());

    private final ApiTokenService tokens;
    private final String owner;
    private final Grid<ApiTokenInfo> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final DatePicker expiresOn = new DatePicker("Valid through");
    private final TextField secret = new TextField("Your new token");

    public ApiTokensView(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.owner = currentUser.get().getUsername();

        name.setId("token-name");
        name.setPlaceholder("e.g. nightly pipeline");
        name.setMaxLength(100);
        expiresOn.setId("token-expires");
        expiresOn.setMin(LocalDate.now().plusDays(1));
        expiresOn.setMax(LocalDate.now().plusYears(1));
        expiresOn.setValue(LocalDate.now().plusDays(90));
        Button create = new Button("Create token", e -> create());
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, expiresOn, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        secret.setId("token-secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setHelperText("Copy it now: Flatspace keeps only a hash and cannot show it again."
                + " Send it as \"Authorization: Bearer <token>\".");
        secret.setVisible(false);

        grid.setId("tokens");
        grid.addColumn(ApiTokenInfo::name).setHeader("Name");
        grid.addColumn(t -> format(t.createdAt())).setHeader("Created");
        // a token is valid through the day chosen, up to the first instant of the next
        grid.addColumn(t -> DAY.format(t.expiresAt().minusNanos(1))).setHeader("Valid through");
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : format(t.lastUsedAt())).setHeader("Last used");
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        refresh();

        setSizeFull();
        add(new H2("API tokens"), new Paragraph("Scripts and pipelines call the REST API (/api/v1) as you, with"
                + " your rights, using a personal token. A token lasts at most a year."), form, secret, grid);
    }

    private void create() {
        name.setInvalid(false);
        expiresOn.setInvalid(false);
        try {
            CreatedApiToken created = tokens.create(owner, name.getValue(), expiresOn.getValue());
            secret.setValue(created.secret());
            secret.setVisible(true);
            name.clear();
            refresh();
        } catch (InvalidTokenException e) {
            showError(name, e.fieldErrors().get("name"));
            if (e.fieldErrors().containsKey("expiresOn")) {
                expiresOn.setErrorMessage(e.fieldErrors().get("expiresOn"));
                expiresOn.setInvalid(true);
            }
        }
    }

    private Button revokeButton(ApiTokenInfo token) {
        Button revoke = new Button("Revoke", e -> {
            tokens.revoke(owner, token.id());
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.tokensOf(owner));
    }

    private static void showError(TextField field, String message) {
        if (message != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    private static String format(TemporalAccessor time) {
        return TIME.format(time);
    }
}
