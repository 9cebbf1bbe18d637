package org.flatspace.portal.api;

import java.time.LocalDate;

import org.flatspace.portal.api.token.ApiTokenInfo;
import org.flatspace.portal.api.token.ApiTokenService;
import org.flatspace.portal.api.token.CreatedApiToken;
import org.flatspace.portal.api.token.InvalidTokenException;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;

import com.vaadin.flow.component.Key;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * The signed-in person's API tokens: create one for a script (its secret is shown once, here, and
 * never again), see when each was last used, revoke those no longer needed.
 */
@Route(value = "tokens", layout = MainLayout.class)
@PermitAll
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokenService tokens;
    private final String owner;
    private final Grid<ApiTokenInfo> grid = new Grid<>();
    private final TextField name = new TextField();
    private final DatePicker expiresOn = new DatePicker();
    private final TextField secret = new TextField();

    public ApiTokensView(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.owner = currentUser.get().getUsername();

        name.setLabel(getTranslation("tokens.form.name.label"));
        expiresOn.setLabel(getTranslation("tokens.form.expires.label"));
        secret.setLabel(getTranslation("tokens.secret.label"));
        name.setId("token-name");
        name.setAutofocus(true);
        name.setPlaceholder(getTranslation("tokens.form.name.placeholder"));
        name.setMaxLength(100);
        expiresOn.setId("token-expires");
        expiresOn.setI18n(Texts.datePicker());
        expiresOn.setMin(LocalDate.now().plusDays(1));
        expiresOn.setMax(LocalDate.now().plusYears(1));
        expiresOn.setValue(LocalDate.now().plusDays(90));
        Button create = new Button(getTranslation("tokens.form.create"), e -> create());
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in the date picker picks a day; in the name it creates the token
        create.addClickShortcut(Key.ENTER).listenOn(name);
        HorizontalLayout form = new HorizontalLayout(name, expiresOn, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        secret.setId("token-secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setHelperText(getTranslation("tokens.secret.helper"));
        secret.setVisible(false);

        grid.setId("tokens");
        grid.addColumn(ApiTokenInfo::name).setHeader(getTranslation("tokens.column.name"));
        grid.addColumn(t -> Texts.time(t.createdAt())).setHeader(getTranslation("tokens.column.created"));
        // a token is valid through the day chosen, up to the first instant of the next
        grid.addColumn(t -> Texts.date(t.expiresAt().minusNanos(1)))
                .setHeader(getTranslation("tokens.column.valid-through"));
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("common.never") : Texts.time(t.lastUsedAt()))
                .setHeader(getTranslation("tokens.column.last-used"));
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("tokens.empty"));
        refresh();

        setSizeFull();
        add(new H2(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.intro")), form, secret, grid);
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
        Button revoke = new Button(getTranslation("tokens.revoke"), e -> {
            tokens.revoke(owner, token.id());
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.getElement().setAttribute("aria-label", getTranslation("tokens.revoke.label", token.name()));
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

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("tokens.title"));
    }
}
