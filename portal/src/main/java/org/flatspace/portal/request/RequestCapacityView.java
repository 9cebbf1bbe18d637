package org.flatspace.portal.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * "N instances of size S for function F until date D, because ...". Team members only (requesters
 * and managers). The service checks every field again; its messages appear next to the fields.
 * Beside the form, a live preview of the team's quota the request will use: per resource what it
 * takes, what is free now and what would be left, and what it lacks when it does not fit.
 */
@Route(value = "request", layout = MainLayout.class)
@RolesAllowed({"REQUESTER", "MANAGER"})
public class RequestCapacityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The query parameter that preselects a business function: {@code request?function=3}. */
    static final String FUNCTION_PARAMETER = "function";

    private final ComboBox<FunctionInfo> function = new ComboBox<>();
    private final ComboBox<SizeInfo> size = new ComboBox<>();
    private final IntegerField count = new IntegerField();
    private final DatePicker leaseEnd = new DatePicker();
    private final TextArea reason = new TextArea();
    private final Map<String, HasValidation> fields = Map.of("function", function, "size", size, "count", count,
            "leaseEnd", leaseEnd, "reason", reason);

    private final Grid<PreviewLine> preview = new Grid<>();
    private final Paragraph verdict = new Paragraph();

    private final CapacityRequestService requests;
    private final QuotaService quotas;
    private final Actor actor;
    private final List<FunctionInfo> functions;

    /** One resource in the preview, in the unit people read it in. */
    record PreviewLine(String resource, String request, String freeNow, String freeAfter, boolean lacking) {
    }

    public RequestCapacityView(CapacityRequestService requests, CatalogService catalog, QuotaService quotas,
                               CurrentUser currentUser) {
        this.requests = requests;
        this.quotas = quotas;
        this.actor = currentUser.get().toActor();

        function.setLabel(getTranslation("request.form.function.label"));
        size.setLabel(getTranslation("request.form.size.label"));
        count.setLabel(getTranslation("request.form.count.label"));
        leaseEnd.setLabel(getTranslation("request.form.lease-end.label"));
        reason.setLabel(getTranslation("request.form.reason.label"));
        function.setId("function");
        function.setAutofocus(true);
        functions = catalog.functionsOf(actor.teamId());
        function.setItems(functions);
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

        preview.setId("quota-preview");
        preview.addColumn(PreviewLine::resource).setHeader(getTranslation("request.form.preview.column.resource"));
        preview.addColumn(PreviewLine::request).setHeader(getTranslation("request.form.preview.column.request"));
        preview.addColumn(PreviewLine::freeNow).setHeader(getTranslation("request.form.preview.column.free-now"));
        preview.addColumn(PreviewLine::freeAfter).setHeader(getTranslation("request.form.preview.column.free-after"));
        preview.setAllRowsVisible(true);
        verdict.setId("quota-verdict");
        size.addValueChangeListener(e -> showPreview());
        count.addValueChangeListener(e -> showPreview());
        showPreview();

        setMaxWidth("48rem");
        add(new H2(getTranslation("request.form.title")), form, submit,
                new H3(getTranslation("request.form.preview.title")), verdict, preview);
    }

    /**
     * Preselects the function {@code ?function=<id>} names, if it is one of the team's (the
     * function's page links here so); any other value leaves the field empty.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(FUNCTION_PARAMETER)
                .filter(id -> id.matches("\\d{1,18}")).map(Long::parseLong)
                .flatMap(id -> functions.stream().filter(f -> f.id() == id).findFirst())
                .ifPresent(function::setValue);
    }

    /** What the request as it stands would take from the team's quota, read fresh. */
    private void showPreview() {
        Integer n = count.getValue();
        SizeInfo chosen = size.getValue();
        if (chosen == null || n == null || n < 1 || n > 100) {
            verdict.setText(getTranslation("request.form.preview.incomplete"));
            preview.setVisible(false);
            return;
        }
        Resources needed = Resources.of(n, chosen.vcpu(), chosen.memoryMib(), chosen.diskGib());
        List<PreviewLine> lines = previewLines(quotas.usage(actor.teamId()), needed);
        List<String> lacking = lines.stream().filter(PreviewLine::lacking)
                .map(l -> getTranslation("request.form.preview.lacks", l.resource(), l.request(), l.freeNow()))
                .toList();
        verdict.setText(lacking.isEmpty() ? getTranslation("request.form.preview.fits")
                : getTranslation("request.form.preview.over", String.join(getTranslation("common.message-separator"),
                lacking)));
        preview.setItems(lines);
        preview.setVisible(true);
    }

    static List<PreviewLine> previewLines(QuotaUsage usage, Resources needed) {
        List<PreviewLine> lines = new ArrayList<>();
        lines.add(line(Texts.of("request.form.preview.vcpu"), needed.vcpu(), usage.freeVcpu(), 1));
        lines.add(line(Texts.of("request.form.preview.memory"), needed.memoryMib(), usage.freeMemoryMib(), 1024));
        lines.add(line(Texts.of("request.form.preview.disk"), needed.diskGib(), usage.freeDiskGib(), 1));
        lines.add(line(Texts.of("request.form.preview.instances"), needed.instances(), usage.freeInstances(), 1));
        return lines;
    }

    private static PreviewLine line(String resource, long needed, long free, int unit) {
        return new PreviewLine(resource, Texts.number((double) needed / unit), Texts.number((double) free / unit),
                Texts.number((double) (free - needed) / unit), needed > free);
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
