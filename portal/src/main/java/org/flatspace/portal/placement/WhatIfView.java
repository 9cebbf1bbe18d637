package org.flatspace.portal.placement;

import java.util.Map;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.placement.WhatIfAnswer;
import org.flatspace.workflows.placement.WhatIfService;
import org.flatspace.workflows.request.InvalidRequestException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * "Could the pool take 20 x large for a gold function?": the placement engine answers against the
 * pool as it is now, with the tier's rules, allocating nothing. Admins only (the answer names hosts).
 */
@Route(value = "admin/what-if", layout = MainLayout.class)
@PageTitle("What if | Flatspace")
@RolesAllowed("ADMIN")
public class WhatIfView extends VerticalLayout {

    private final IntegerField count = new IntegerField("Instances");
    private final ComboBox<SizeInfo> size = new ComboBox<>("Size");
    private final ComboBox<TierInfo> tier = new ComboBox<>("Service tier");
    private final Map<String, HasValidation> fields = Map.of("count", count, "size", size, "tier", tier);
    private final Paragraph answer = new Paragraph();
    private final Grid<Map.Entry<String, Long>> hosts = new Grid<>();

    public WhatIfView(WhatIfService whatIf, CatalogService catalog, CurrentUser currentUser) {
        Actor actor = currentUser.get().toActor();
        count.setId("what-if-count");
        count.setValue(10);
        count.setStepButtonsVisible(true);
        size.setId("what-if-size");
        size.setItems(catalog.sizes());
        size.setItemLabelGenerator(s -> s.name() + ": " + s.describe());
        tier.setId("what-if-tier");
        tier.setItems(catalog.tiers());
        tier.setItemLabelGenerator(TierInfo::name);
        answer.setId("what-if-answer");
        hosts.setId("what-if-hosts");
        hosts.addColumn(Map.Entry::getKey).setHeader("Host");
        hosts.addColumn(Map.Entry::getValue).setHeader("Instances it would take");
        hosts.setAllRowsVisible(true);
        hosts.setVisible(false);
        Button ask = new Button("Ask the pool", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                WhatIfAnswer result = whatIf.ask(actor, count.getValue(),
                        size.getValue() == null ? null : size.getValue().id(),
                        tier.getValue() == null ? null : tier.getValue().id());
                answer.setText(result.explanation());
                hosts.setItems(result.instancesPerHost().entrySet());
                hosts.setVisible(result.fits());
            } catch (InvalidRequestException ex) {
                ex.fieldErrors().forEach((field, message) -> {
                    fields.get(field).setErrorMessage(message);
                    fields.get(field).setInvalid(true);
                });
            }
        });
        ask.setId("what-if-ask");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(count, size, tier, ask);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        setMaxWidth("64rem");
        add(new H2("What if"), new Paragraph("Could the pool take this capacity now? Placement answers with the "
                + "tier's rules against the pool as it is; nothing is allocated."), form, answer, hosts);
    }
}
