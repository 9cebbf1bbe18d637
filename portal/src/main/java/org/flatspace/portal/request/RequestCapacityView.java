package org.flatspace.portal.request;

import java.time.LocalDate;
import java.util.Map;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.InvalidRequestException;
import org.flatspace.workflows.request.NewCapacityRequest;
import org.flatspace.workflows.request.RequestSummary;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * "N instances of size S for function F until date D, because ...". Team members only (requesters
 * and managers). The service checks every field again; its messages appear next to the fields.
 */
@Route(value = "request", layout = MainLayout.class)
@RolesAllowed({"REQUESTER", "MANAGER"})
public class RequestCapacityView extends VerticalLayout implements HasDynamicTitle {

    private final ComboBox<FunctionInfo> function = new ComboBox<>();
    private final ComboBox<SizeInfo> size = new ComboBox<>();
    private final IntegerField count = new IntegerField();
    private final DatePicker leaseEnd = new DatePicker();
    private final TextArea reason = new TextArea();
    private final Map<String, HasValidation> fields = Map.of("function", function, "size", size, "count", count,
            "leaseEnd", leaseEnd, "reason", reason);

    private final CapacityRequestService requests;
    private final Actor actor;

    public RequestCapacityView(CapacityRequestService requests, CatalogService catalog, CurrentUser currentUser) {
        this.requests = requests;
        this.actor = currentUser.get().toActor();

        function.setLabel(getTranslation("request.form.function.label"));
        size.setLabel(getTranslation("request.form.size.label"));
        count.setLabel(getTranslation("request.form.count.label"));
        leaseEnd.setLabel(getTranslation("request.form.lease-end.label"));
        reason.setLabel(getTranslation("request.form.reason.label"));
        function.setId("function");
        function.setAutofocus(true);
        function.setItems(catalog.functionsOf(actor.teamId()));
        function.setItemLabelGenerator(f -> getTranslation("request.form.function.item", f.name(), f.tier().name()));
        size.setId("size");
        size.setItems(catalog.sizes());
        size.setItemLabelGenerator(s -> getTranslation("request.form.size.item", s.name(), s.describe()));
        count.setId("count");
        count.setValue(1);
        count.setMin(1);
        count.setStepButtonsVisible(true);
        leaseEnd.setId("lease-end");
        leaseEnd.setI18n(Texts.datePicker());
        leaseEnd.setMin(LocalDate.now().plusDays(1));
        leaseEnd.setValue(LocalDate.now().plusMonths(3));
        reason.setId("reason");
        reason.setPlaceholder(getTranslation("request.form.reason.placeholder"));
        reason.setHelperText(getTranslation("request.form.reason.helper"));
        reason.setMaxLength(1000);

        Button submit = new Button(getTranslation("request.form.submit"), e -> submit());
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(function, size, count, leaseEnd, reason);
        // Enter submits from the number; in the pickers it picks, in the reason it starts a new line:
        // Ctrl+Enter submits from anywhere in the form
        submit.addClickShortcut(Key.ENTER).listenOn(count);
        submit.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(form);
        form.setColspan(reason, 2);
        setMaxWidth("48rem");
        add(new H2(getTranslation("request.form.title")), form, submit);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("request.form.title"));
    }

    private void submit() {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            RequestSummary created = requests.submit(actor, new NewCapacityRequest(
                    function.getValue() == null ? null : function.getValue().id(),
                    size.getValue() == null ? null : size.getValue().id(),
                    count.getValue(), leaseEnd.getValue(), reason.getValue()));
            getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, RequestDetailView.parameters(created.id())));
        } catch (InvalidRequestException e) {
            e.fieldErrors().forEach((field, message) -> {
                HasValidation input = fields.get(field);
                input.setErrorMessage(message);
                input.setInvalid(true);
            });
        }
    }
}
