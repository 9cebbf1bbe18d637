package org.flatspace.portal.quota;

import java.util.ArrayList;
import java.util.List;

import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Every team's quota: limits, what is allocated and what open requests reserve. Admins only. A
 * limit below what a team uses now asks for confirmation and says what it means: nothing running
 * is stopped, and the team's new requests wait over quota until its use drops.
 */
@Route(value = "admin/quotas", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class QuotaAdminView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(QuotaAdminView.class);

    /** A team with its quota, for the grid. */
    record TeamQuota(TeamInfo team, QuotaUsage usage) {
    }

    private final QuotaService quotas;
    private final TeamService teams;
    private final String admin;
    private final Grid<TeamQuota> grid = new Grid<>();
    private final VerticalLayout editor = new VerticalLayout();

    public QuotaAdminView(QuotaService quotas, TeamService teams, CurrentUser currentUser) {
        this.quotas = quotas;
        this.teams = teams;
        this.admin = currentUser.get().getUsername();
        grid.setId("quotas");
        grid.addColumn(t -> t.team().name()).setHeader(getTranslation("quota.column.team"));
        grid.addColumn(t -> used(t.usage().allocated().vcpu(), t.usage().reserved().vcpu(), t.usage().limits().vcpu()))
                .setHeader(getTranslation("quota.column.vcpu"));
        grid.addColumn(t -> used(gib(t.usage().allocated().memoryMib()), gib(t.usage().reserved().memoryMib()),
                gib(t.usage().limits().memoryMib()))).setHeader(getTranslation("quota.column.memory"));
        grid.addColumn(t -> used(t.usage().allocated().diskGib(), t.usage().reserved().diskGib(),
                t.usage().limits().diskGib())).setHeader(getTranslation("quota.column.disk"));
        grid.addColumn(t -> used(t.usage().allocated().instances(), t.usage().reserved().instances(),
                t.usage().limits().instances())).setHeader(getTranslation("quota.column.instances"));
        grid.addComponentColumn(this::editButton).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("quota.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        setMaxWidth("72rem");
        add(new H2(getTranslation("quota.title")), grid, editor);
        refresh();
    }

    /** Opens a team's quota from the keyboard too: a button in the row, not only a click on it. */
    private Button editButton(TeamQuota quota) {
        Button edit = new Button(getTranslation("quota.edit"), e -> grid.select(quota));
        edit.getElement().setAttribute("aria-label", getTranslation("quota.edit.label", quota.team().name()));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return edit;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("quota.title"));
    }

    private void refresh() {
        grid.setItems(teams.teams().stream().map(t -> new TeamQuota(t, quotas.usage(t.id()))).toList());
        editor.removeAll();
    }

    private void edit(TeamQuota selected) {
        editor.removeAll();
        if (selected == null) {
            return;
        }
        Resources limits = selected.usage().limits();
        IntegerField vcpu = field(getTranslation("quota.field.vcpu"), "quota-vcpu", limits.vcpu());
        vcpu.focus();
        IntegerField memory = field(getTranslation("quota.field.memory"), "quota-memory",
                (int) gib(limits.memoryMib()));
        IntegerField disk = field(getTranslation("quota.field.disk"), "quota-disk", (int) limits.diskGib());
        IntegerField instances = field(getTranslation("quota.field.instances"), "quota-instances", limits.instances());
        Button save = new Button(getTranslation("quota.save"), e -> save(selected, vcpu, memory, disk, instances));
        save.setId("save-quota");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(vcpu, memory, disk, instances);
        editor.add(new H3(getTranslation("quota.editor.title", selected.team().name())),
                new FormLayout(vcpu, memory, disk, instances), save);
    }

    private void save(TeamQuota selected, IntegerField vcpu, IntegerField memory, IntegerField disk,
                      IntegerField instances) {
        List<IntegerField> fields = List.of(vcpu, memory, disk, instances);
        boolean valid = true;
        for (IntegerField f : fields) {
            f.setInvalid(false);
            if (f.getValue() == null || f.getValue() < 0 || f.getValue() > 10_000_000) {
                f.setErrorMessage(getTranslation("quota.field.invalid", 0, 10_000_000));
                f.setInvalid(true);
                valid = false;
            }
        }
        if (!valid) {
            return;
        }
        Resources wanted = new Resources(vcpu.getValue(), memory.getValue() * 1024L, disk.getValue(),
                instances.getValue());
        List<String> below = belowUse(selected.usage(), wanted);
        if (below.isEmpty()) {
            apply(selected.team(), wanted);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("quota.below.header", selected.team().name()),
                getTranslation("quota.below.text", String.join(getTranslation("common.list-separator"), below)),
                getTranslation("quota.below.confirm"), e -> apply(selected.team(), wanted));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setId("confirm-below-use");
        confirm.open();
    }

    private void apply(TeamInfo team, Resources limits) {
        quotas.setLimits(admin, team.id(), limits);
        log.info("Quota of team {} set to {} by {}", team.name(), limits, admin);
        Notification.show(getTranslation("quota.saved", team.name()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    static List<String> belowUse(QuotaUsage usage, Resources wanted) {
        Resources a = usage.allocated();
        Resources r = usage.reserved();
        List<String> below = new ArrayList<>();
        if (wanted.vcpu() < a.vcpu() + r.vcpu()) {
            below.add(Texts.of("quota.below.vcpu", a.vcpu() + r.vcpu()));
        }
        if (wanted.memoryMib() < a.memoryMib() + r.memoryMib()) {
            below.add(Texts.of("quota.below.memory", gib(a.memoryMib() + r.memoryMib())));
        }
        if (wanted.diskGib() < a.diskGib() + r.diskGib()) {
            below.add(Texts.of("quota.below.disk", a.diskGib() + r.diskGib()));
        }
        if (wanted.instances() < a.instances() + r.instances()) {
            below.add(Texts.of("quota.below.instances", a.instances() + r.instances()));
        }
        return below;
    }

    private static IntegerField field(String label, String id, int value) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setValue(value);
        field.setMin(0);
        return field;
    }

    private String used(long allocated, long reserved, long limit) {
        return reserved > 0 ? getTranslation("quota.used.reserved", allocated + reserved, limit, reserved)
                : getTranslation("quota.used", allocated + reserved, limit);
    }

    private static long gib(long mib) {
        return mib / 1024;
    }
}
