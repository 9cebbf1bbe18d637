package org.flatspace.portal.catalog;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.springframework.dao.DataIntegrityViolationException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Sizes (named shapes of vCPU, memory and disk) and service tiers (spread, restart after a host
 * failure, live migration, CPU overcommit). Admins only. A wrong value is named beside its field;
 * the catalog service checks every value again, and what else it refuses appears under the form.
 */
@Route(value = "admin/catalog", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class CatalogAdminView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    private final Grid<SizeInfo> sizes = new Grid<>();
    private final Grid<TierInfo> tiers = new Grid<>();

    public CatalogAdminView(CatalogService catalog) {
        this.catalog = catalog;
        sizes.setId("sizes");
        sizes.addColumn(SizeInfo::name).setHeader(getTranslation("catalog.sizes.column.name"));
        sizes.addColumn(SizeInfo::vcpu).setHeader(getTranslation("catalog.sizes.column.vcpu"));
        sizes.addColumn(s -> Texts.number(s.memoryMib() / 1024.0))
                .setHeader(getTranslation("catalog.sizes.column.memory"));
        sizes.addColumn(SizeInfo::diskGib).setHeader(getTranslation("catalog.sizes.column.disk"));
        sizes.setAllRowsVisible(true);
        sizes.setEmptyStateText(getTranslation("catalog.sizes.empty"));
        tiers.setId("tiers");
        tiers.addColumn(TierInfo::name).setHeader(getTranslation("catalog.tiers.column.name"));
        tiers.addColumn(t -> yes(t.spreadAcrossFaultDomains()))
                .setHeader(getTranslation("catalog.tiers.column.spread"));
        tiers.addColumn(t -> yes(t.restartOnHostFailure())).setHeader(getTranslation("catalog.tiers.column.restart"));
        tiers.addColumn(t -> yes(t.liveMigration())).setHeader(getTranslation("catalog.tiers.column.live"));
        tiers.addColumn(t -> Texts.number(t.maxCpuOvercommit()))
                .setHeader(getTranslation("catalog.tiers.column.overcommit"));
        tiers.setAllRowsVisible(true);
        tiers.setEmptyStateText(getTranslation("catalog.tiers.empty"));
        setMaxWidth("72rem");
        add(new H2(getTranslation("catalog.title")), new H3(getTranslation("catalog.sizes.title")), sizes, sizeForm(),
                new H3(getTranslation("catalog.tiers.title")), tiers, tierForm());
        refresh();
    }

    private VerticalLayout sizeForm() {
        TextField name = new TextField(getTranslation("catalog.size.name"));
        name.setId("size-name");
        IntegerField vcpu = new IntegerField(getTranslation("catalog.size.vcpu"));
        vcpu.setId("size-vcpu");
        IntegerField memory = new IntegerField(getTranslation("catalog.size.memory"));
        memory.setId("size-memory");
        IntegerField disk = new IntegerField(getTranslation("catalog.size.disk"));
        disk.setId("size-disk");
        disk.setHelperText(getTranslation("catalog.size.disk.helper"));
        Span error = error("size-error");
        Button add = new Button(getTranslation("catalog.size.add"), e -> {
            boolean valid = check(name, !name.getValue().isBlank(), getTranslation("catalog.size.name.missing"))
                    & check(vcpu, vcpu.getValue() != null && vcpu.getValue() >= 1,
                    getTranslation("catalog.size.vcpu.invalid"))
                    & check(memory, memory.getValue() != null && memory.getValue() >= 1,
                    getTranslation("catalog.size.memory.invalid"))
                    & check(disk, disk.getValue() == null || disk.getValue() >= 0,
                    getTranslation("catalog.size.disk.invalid"));
            if (valid) {
                create(error, name, () -> catalog.createSize(name.getValue().strip(), vcpu.getValue(),
                        memory.getValue() * 1024L, orZero(disk.getValue())));
            }
        });
        add.setId("add-size");
        add.addClickShortcut(Key.ENTER).listenOn(name, vcpu, memory, disk);
        return row(error, name, vcpu, memory, disk, add);
    }

    private VerticalLayout tierForm() {
        TextField name = new TextField(getTranslation("catalog.tier.name"));
        name.setId("tier-name");
        Checkbox spread = new Checkbox(getTranslation("catalog.tier.spread"));
        Checkbox restart = new Checkbox(getTranslation("catalog.tier.restart"));
        Checkbox live = new Checkbox(getTranslation("catalog.tier.live"));
        NumberField overcommit = new NumberField(getTranslation("catalog.tier.overcommit"));
        overcommit.setId("tier-overcommit");
        overcommit.setValue(1.0);
        Span error = error("tier-error");
        Button add = new Button(getTranslation("catalog.tier.add"), e -> {
            boolean valid = check(name, !name.getValue().isBlank(), getTranslation("catalog.tier.name.missing"))
                    & check(overcommit, overcommit.getValue() != null && overcommit.getValue() >= 1.0,
                    getTranslation("catalog.tier.overcommit.invalid"));
            if (valid) {
                create(error, name, () -> catalog.createTier(name.getValue().strip(), spread.getValue(),
                        restart.getValue(), live.getValue(), overcommit.getValue()));
            }
        });
        add.setId("add-tier");
        add.addClickShortcut(Key.ENTER).listenOn(name, overcommit);
        return row(error, name, spread, restart, live, overcommit, add);
    }

    /**
     * Runs the catalog service. A taken name shows beside the name; anything else the service
     * refuses (it checks every value again) shows under the form.
     */
    private void create(Span error, TextField name, Runnable action) {
        error.setText("");
        try {
            action.run();
            Notification.show(getTranslation("catalog.added"), 2000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        } catch (DataIntegrityViolationException e) {
            check(name, false, getTranslation("catalog.name.taken"));
        }
    }

    /** Marks the field invalid with the message unless the check holds; whether it holds. */
    private static boolean check(HasValidation field, boolean holds, String message) {
        field.setErrorMessage(holds ? null : message);
        field.setInvalid(!holds);
        return holds;
    }

    private void refresh() {
        sizes.setItems(catalog.sizes());
        tiers.setItems(catalog.tiers());
    }

    private static VerticalLayout row(Span error, Component... fields) {
        HorizontalLayout inputs = new HorizontalLayout(fields);
        inputs.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        inputs.setWrap(true);
        VerticalLayout form = new VerticalLayout(inputs, error);
        form.setPadding(false);
        return form;
    }

    private static Span error(String id) {
        Span error = new Span();
        error.setId(id);
        error.addClassNames(LumoUtility.TextColor.ERROR);
        return error;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private String yes(boolean value) {
        return getTranslation(value ? "common.yes" : "common.no");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("catalog.title"));
    }
}
