package org.flatspace.portal.catalog;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.portal.layout.MainLayout;
import org.springframework.dao.DataIntegrityViolationException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Sizes (named shapes of vCPU, memory and disk) and service tiers (spread, restart after a host
 * failure, live migration, CPU overcommit). Admins only. A wrong value is named beside its field;
 * the catalog service checks every value again, and what else it refuses appears under the form.
 */
@Route(value = "admin/catalog", layout = MainLayout.class)
@PageTitle("Sizes and tiers | Flatspace")
@RolesAllowed("ADMIN")
public class CatalogAdminView extends VerticalLayout {

    private final CatalogService catalog;
    private final Grid<SizeInfo> sizes = new Grid<>();
    private final Grid<TierInfo> tiers = new Grid<>();

    public CatalogAdminView(CatalogService catalog) {
        this.catalog = catalog;
        sizes.setId("sizes");
        sizes.addColumn(SizeInfo::name).setHeader("Size");
        sizes.addColumn(SizeInfo::vcpu).setHeader("vCPU");
        sizes.addColumn(s -> s.memoryMib() / 1024.0).setHeader("Memory GiB");
        sizes.addColumn(SizeInfo::diskGib).setHeader("Disk GiB");
        sizes.setAllRowsVisible(true);
        tiers.setId("tiers");
        tiers.addColumn(TierInfo::name).setHeader("Tier");
        tiers.addColumn(t -> yes(t.spreadAcrossFaultDomains())).setHeader("Spread across fault domains");
        tiers.addColumn(t -> yes(t.restartOnHostFailure())).setHeader("Restart after host failure");
        tiers.addColumn(t -> yes(t.liveMigration())).setHeader("Live migration");
        tiers.addColumn(TierInfo::maxCpuOvercommit).setHeader("Max CPU overcommit");
        tiers.setAllRowsVisible(true);
        setMaxWidth("72rem");
        add(new H2("Sizes and tiers"), new H3("Sizes"), sizes, sizeForm(), new H3("Service tiers"), tiers, tierForm());
        refresh();
    }

    private VerticalLayout sizeForm() {
        TextField name = new TextField("Name");
        name.setId("size-name");
        IntegerField vcpu = new IntegerField("vCPU");
        vcpu.setId("size-vcpu");
        IntegerField memory = new IntegerField("Memory (GiB)");
        memory.setId("size-memory");
        IntegerField disk = new IntegerField("Disk (GiB)");
        disk.setId("size-disk");
        disk.setHelperText("0 or empty for none");
        Span error = error("size-error");
        Button add = new Button("Add size", e -> {
            boolean valid = check(name, !name.getValue().isBlank(), "Name the size")
                    & check(vcpu, vcpu.getValue() != null && vcpu.getValue() >= 1, "At least 1 vCPU")
                    & check(memory, memory.getValue() != null && memory.getValue() >= 1, "At least 1 GiB")
                    & check(disk, disk.getValue() == null || disk.getValue() >= 0, "No negative disk: 0 for none");
            if (valid) {
                create(error, name, () -> catalog.createSize(name.getValue().strip(), vcpu.getValue(),
                        memory.getValue() * 1024L, orZero(disk.getValue())));
            }
        });
        add.setId("add-size");
        return row(error, name, vcpu, memory, disk, add);
    }

    private VerticalLayout tierForm() {
        TextField name = new TextField("Name");
        name.setId("tier-name");
        Checkbox spread = new Checkbox("Spread");
        Checkbox restart = new Checkbox("Restart after failure");
        Checkbox live = new Checkbox("Live migration");
        NumberField overcommit = new NumberField("Max CPU overcommit");
        overcommit.setId("tier-overcommit");
        overcommit.setValue(1.0);
        Span error = error("tier-error");
        Button add = new Button("Add tier", e -> {
            boolean valid = check(name, !name.getValue().isBlank(), "Name the tier")
                    & check(overcommit, overcommit.getValue() != null && overcommit.getValue() >= 1.0,
                    "A ratio of at least 1.0 (1.0: no overcommit)");
            if (valid) {
                create(error, name, () -> catalog.createTier(name.getValue().strip(), spread.getValue(),
                        restart.getValue(), live.getValue(), overcommit.getValue()));
            }
        });
        add.setId("add-tier");
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
            Notification.show("Added", 2000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        } catch (DataIntegrityViolationException e) {
            check(name, false, "That name is taken: choose another");
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

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
