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
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * "Could the pool take 20 x large for a gold function?": the placement engine answers against the
 * pool as it is now, with the tier's rules, allocating nothing. Admins only (the answer names hosts).
 */
@Route(value = "admin/what-if", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class WhatIfView extends VerticalLayout implements HasDynamicTitle {

    private final IntegerField count = new IntegerField();
    private final ComboBox<SizeInfo> size = new ComboBox<>();
    private final ComboBox<TierInfo> tier = new ComboBox<>();
    private final Map<String, HasValidation> fields = Map.of("count", count, "size", size, "tier", tier);
    private final Paragraph answer = new Paragraph();
    private final Grid<Map.Entry<String, Long>> hosts = new Grid<>();

    public WhatIfView(WhatIfService whatIf, CatalogService catalog, CurrentUser currentUser) {
        Actor actor = currentUser.get().toActor();
        count.setLabel(getTranslation("what-if.count"));
        size.setLabel(getTranslation("what-if.size"));
        tier.setLabel(getTranslation("what-if.tier"));
        count.setId("what-if-count");
        count.setAutofocus(true);
        count.setValue(10);
        count.setStepButtonsVisible(true);
        size.setId("what-if-size");
        size.setItems(catalog.sizes());
        size.setItemLabelGenerator(s -> getTranslation("request.form.size.item", s.name(), s.describe()));
        tier.setId("what-if-tier");
        tier.setItems(catalog.tiers());
        tier.setItemLabelGenerator(TierInfo::name);
        answer.setId("what-if-answer");
        hosts.setId("what-if-hosts");
        hosts.addColumn(Map.Entry::getKey).setHeader(getTranslation("what-if.column.host"));
        hosts.addColumn(Map.Entry::getValue).setHeader(getTranslation("what-if.column.instances"));
        hosts.setAllRowsVisible(true);
        hosts.setVisible(false);
        Button ask = new Button(getTranslation("what-if.ask"), e -> {
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
        // Enter in a picker picks an item; from the number, or Ctrl+Enter anywhere, it asks
        ask.addClickShortcut(Key.ENTER).listenOn(count);
        HorizontalLayout form = new HorizontalLayout(count, size, tier, ask);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        ask.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(form);
        setMaxWidth("64rem");
        add(new H2(getTranslation("what-if.title")), new Paragraph(getTranslation("what-if.intro")), form, answer,
                hosts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("what-if.title"));
    }
}
