package org.flatspace.portal.pool;

import java.util.Optional;

import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.layout.SelfRefresh;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.instance.InstanceView;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.PlanState;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.HostOverview;
import org.flatspace.workflows.pool.HostStep;
import org.flatspace.workflows.pool.IncompleteDrainDecision;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

/**
 * One host for administrators: its use, what runs on it, and what can be done with it now. Drain
 * it (the plan shows where each instance would go, or what blocks it, before anything moves;
 * confirm or discard), follow the moves and cancel them, decide about a host that could not be
 * emptied, take it out of maintenance, confirm that a failed host is off. Refreshes itself while a
 * plan runs.
 */
@Route(value = "admin/hosts/:id", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class HostDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final HostMaintenanceService maintenance;
    private final Actor actor;
    private final SelfRefresh selfRefresh = new SelfRefresh(this, this::refresh);
    private long hostId;

    public HostDetailView(HostMaintenanceService maintenance, CurrentUser currentUser) {
        this.maintenance = maintenance;
        this.actor = currentUser.get().toActor();
        setMaxWidth("80rem");
    }

    static RouteParameters parameters(long hostId) {
        return new RouteParameters("id", String.valueOf(hostId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        hostId = event.getRouteParameters().getLong("id").orElse(-1L);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("pool.host.page-title"));
    }

    private void refresh() {
        removeAll();
        HostOverview overview;
        try {
            overview = maintenance.overview(actor, hostId);
        } catch (IllegalArgumentException e) {
            H2 notFound = new H2(getTranslation("pool.host.not-found.title"));
            notFound.setId("not-found");
            add(notFound, new Paragraph(getTranslation("pool.host.not-found.text", String.valueOf(hostId))));
            return;
        }
        HostView host = overview.host();
        Span state = new Span(overview.fenced() ? getTranslation("pool.host.state.fenced", PoolText.state(host.state()))
                : PoolText.state(host.state()));
        state.setId("host-state");
        add(new H2(getTranslation("pool.host.title", host.name())), state,
                new Paragraph(host.faultDomain() == null
                        ? getTranslation("pool.host.about", host.type().name(), host.uri(), PoolText.use(host))
                        : getTranslation("pool.host.about.fault-domain", host.type().name(), host.uri(),
                        host.faultDomain(), PoolText.use(host))));
        actions(overview);
        add(new H3(getTranslation("pool.host.instances.title")), instances(overview));
        add(new H3(getTranslation("pool.host.recent-moves")), MovesGrid.of("recent-moves", overview.recentMoves(),
                true, false));
        Optional<MigrationPlan> open = overview.openPlan();
        selfRefresh.set(open.map(p -> p.state() == PlanState.RUNNING || p.state() == PlanState.CANCELLING)
                .orElse(false));
    }

    private void actions(HostOverview overview) {
        HostView host = overview.host();
        HostStep step = overview.waitingFor();
        Optional<MigrationPlan> open = overview.openPlan();
        if (step == HostStep.CONFIRM_DRAIN && open.isPresent()) {
            add(new H3(getTranslation("pool.host.drain-plan.title")), summary(open.get()),
                    MovesGrid.of("plan-moves", open.get().moves(), false, true),
                    buttons(button(getTranslation("pool.host.drain-plan.confirm"), "confirm-drain", true,
                                    () -> maintenance.confirm(actor, hostId),
                                    getTranslation("pool.host.drain-plan.confirmed", host.name())),
                            button(getTranslation("pool.host.drain-plan.discard"), "discard-drain", false,
                                    () -> maintenance.discard(actor, hostId), getTranslation("pool.plan.discarded"))));
        } else if (open.isPresent() && open.get().state() != PlanState.PROPOSED) {
            MigrationPlan plan = open.get();
            Paragraph progress = new Paragraph(getTranslation("pool.host.plan.progress", PoolText.kind(plan.kind()),
                    Texts.name(plan.state()), plan.progress()));
            progress.setId("plan-progress");
            add(new H3(PoolText.kind(plan.kind())), progress, MovesGrid.of("plan-moves", plan.moves(), false, true));
            if (plan.state() == PlanState.RUNNING && plan.kind() == org.flatspace.provisioning.migration.PlanKind.DRAIN) {
                add(buttons(button(getTranslation("pool.host.drain.cancel"), "cancel-drain", false,
                        () -> maintenance.cancel(actor, hostId), getTranslation("pool.host.drain.cancelling"))));
            }
        } else if (step == HostStep.DECIDE_INCOMPLETE_DRAIN) {
            Paragraph why = new Paragraph(getTranslation("pool.host.incomplete.text", host.name()));
            why.setId("incomplete-drain");
            add(new H3(getTranslation("pool.host.incomplete.title")), why);
            overview.recentPlans().stream().findFirst().ifPresent(last -> add(summary(last), MovesGrid.of("plan-moves", last.moves(), false, true)));
            add(buttons(button(getTranslation("pool.host.incomplete.retry"), "retry-drain", true,
                            () -> maintenance.decide(actor, hostId, IncompleteDrainDecision.RETRY),
                            getTranslation("pool.host.incomplete.retried")),
                    button(getTranslation("pool.host.incomplete.maintenance"), "maintenance-anyway", false,
                            () -> maintenance.decide(actor, hostId, IncompleteDrainDecision.MAINTENANCE),
                            getTranslation("pool.host.in-maintenance", host.name())),
                    button(getTranslation("pool.host.incomplete.keep-active"), "keep-active", false,
                            () -> maintenance.decide(actor, hostId, IncompleteDrainDecision.ACTIVE),
                            getTranslation("pool.host.takes-instances", host.name()))));
        } else if (step == HostStep.CONFIRM_FENCING) {
            Paragraph down = new Paragraph(getTranslation("pool.host.down.text", host.name()));
            down.setId("host-down");
            Button fence = new Button(getTranslation("pool.host.down.confirm"), e -> confirmFencing(host));
            fence.setId("confirm-fencing");
            fence.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(new H3(getTranslation("pool.host.down.title")), down, buttons(fence));
        } else if (host.state() == HostState.ACTIVE) {
            add(buttons(button(getTranslation("pool.host.drain"), "drain", false,
                    () -> maintenance.drain(actor, hostId), getTranslation("pool.host.drain.planned"))));
        } else if (host.state() == HostState.MAINTENANCE) {
            add(buttons(button(getTranslation("pool.host.leave-maintenance"), "leave-maintenance", true,
                    () -> maintenance.leaveMaintenance(actor, hostId),
                    getTranslation("pool.host.takes-instances", host.name()))));
        }
    }

    private void confirmFencing(HostView host) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("pool.host.fence.header", host.name()),
                getTranslation("pool.host.fence.text"), getTranslation("pool.host.fence.confirm"),
                e -> run(() -> maintenance.confirmFencing(actor, hostId), getTranslation("pool.host.fence.done")));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-fencing-dialog");
        dialog.open();
    }

    private Button button(String text, String id, boolean primary, Runnable action, String done) {
        Button button = new Button(text, e -> run(action, done));
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalStateException | NotAllowedException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private static HorizontalLayout buttons(Button... buttons) {
        return new HorizontalLayout(buttons);
    }

    private Paragraph summary(MigrationPlan plan) {
        Paragraph summary = new Paragraph(getTranslation("pool.host.plan.summary", String.valueOf(plan.id()),
                plan.requestedBy(), plan.summary()));
        summary.setId("plan-summary");
        return summary;
    }

    private Grid<InstanceView> instances(HostOverview overview) {
        Grid<InstanceView> grid = new Grid<>();
        grid.setId("host-instances");
        grid.addColumn(InstanceView::name).setHeader(getTranslation("pool.host.instances.column.name"))
                .setAutoWidth(true);
        grid.addColumn(i -> getTranslation("pool.host.instances.size", i.vcpu(), PoolText.gib(i.memoryMib())))
                .setHeader(getTranslation("pool.host.instances.column.size")).setAutoWidth(true);
        grid.addColumn(i -> Texts.name(i.state())).setHeader(getTranslation("pool.host.instances.column.state"))
                .setAutoWidth(true);
        grid.addColumn(i -> i.lastError() == null ? "" : i.lastError())
                .setHeader(getTranslation("pool.host.instances.column.last-error")).setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("pool.host.instances.empty"));
        grid.setAllRowsVisible(true);
        grid.setItems(overview.instances());
        return grid;
    }
}
