package org.flatspace.portal.pool;

import java.util.Optional;

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
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Host | Flatspace")
@RolesAllowed("ADMIN")
public class HostDetailView extends VerticalLayout implements BeforeEnterObserver {

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

    private void refresh() {
        removeAll();
        HostOverview overview;
        try {
            overview = maintenance.overview(actor, hostId);
        } catch (IllegalArgumentException e) {
            H2 notFound = new H2("Host not found");
            notFound.setId("not-found");
            add(notFound, new Paragraph("There is no host " + hostId + " in the pool."));
            return;
        }
        HostView host = overview.host();
        Span state = new Span(PoolText.state(host.state()) + (overview.fenced() ? ", fenced" : ""));
        state.setId("host-state");
        add(new H2("Host " + host.name()), state,
                new Paragraph(host.type() + " at " + host.uri() + (host.faultDomain() == null ? ""
                        : ", fault domain " + host.faultDomain()) + ". Uses " + PoolText.use(host) + "."));
        actions(overview);
        add(new H3("Instances on it"), instances(overview));
        add(new H3("Recent moves"), MovesGrid.of("recent-moves", overview.recentMoves(), true, false));
        Optional<MigrationPlan> open = overview.openPlan();
        selfRefresh.set(open.map(p -> p.state() == PlanState.RUNNING || p.state() == PlanState.CANCELLING)
                .orElse(false));
    }

    private void actions(HostOverview overview) {
        HostView host = overview.host();
        HostStep step = overview.waitingFor();
        Optional<MigrationPlan> open = overview.openPlan();
        if (step == HostStep.CONFIRM_DRAIN && open.isPresent()) {
            add(new H3("Drain plan: nothing has moved yet"), summary(open.get()), MovesGrid.of("plan-moves", open.get().moves(), false, true),
                    buttons(button("Confirm and drain", "confirm-drain", true, () -> maintenance.confirm(actor, hostId),
                                    "Draining " + host.name()),
                            button("Discard the plan", "discard-drain", false, () -> maintenance.discard(actor, hostId),
                                    "Plan discarded")));
        } else if (open.isPresent() && open.get().state() != PlanState.PROPOSED) {
            MigrationPlan plan = open.get();
            Paragraph progress = new Paragraph(PoolText.kind(plan.kind()) + " " + plan.state().name().toLowerCase()
                    + ": " + plan.progress());
            progress.setId("plan-progress");
            add(new H3(PoolText.kind(plan.kind())), progress, MovesGrid.of("plan-moves", plan.moves(), false, true));
            if (plan.state() == PlanState.RUNNING && plan.kind() == org.flatspace.provisioning.migration.PlanKind.DRAIN) {
                add(buttons(button("Cancel after the moves in flight", "cancel-drain", false,
                        () -> maintenance.cancel(actor, hostId), "Cancelling")));
            }
        } else if (step == HostStep.DECIDE_INCOMPLETE_DRAIN) {
            Paragraph why = new Paragraph("Not every instance could leave " + host.name() + ". Nothing was stopped:"
                    + " what could not move still runs there, and the host takes no new instances. Decide:");
            why.setId("incomplete-drain");
            add(new H3("Drain incomplete"), why);
            overview.recentPlans().stream().findFirst().ifPresent(last -> add(summary(last), MovesGrid.of("plan-moves", last.moves(), false, true)));
            add(buttons(button("Plan again", "retry-drain", true,
                            () -> maintenance.decide(actor, hostId, IncompleteDrainDecision.RETRY), "Planned again"),
                    button("Maintenance as it is", "maintenance-anyway", false,
                            () -> maintenance.decide(actor, hostId, IncompleteDrainDecision.MAINTENANCE),
                            host.name() + " is in maintenance"),
                    button("Keep it active", "keep-active", false,
                            () -> maintenance.decide(actor, hostId, IncompleteDrainDecision.ACTIVE),
                            host.name() + " takes instances again")));
        } else if (step == HostStep.CONFIRM_FENCING) {
            Paragraph down = new Paragraph(host.name() + " does not answer. Its instances may still run on it, so"
                    + " none is started elsewhere until you confirm that it is off (powered down, or cut from its"
                    + " network and storage). Then the instances of HA tiers restart on other hosts; the others"
                    + " wait for it.");
            down.setId("host-down");
            Button fence = new Button("Confirm the host is off", e -> confirmFencing(host));
            fence.setId("confirm-fencing");
            fence.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(new H3("Host down"), down, buttons(fence));
        } else if (host.state() == HostState.ACTIVE) {
            add(buttons(button("Drain for maintenance", "drain", false, () -> maintenance.drain(actor, hostId),
                    "Plan ready: check it and confirm")));
        } else if (host.state() == HostState.MAINTENANCE) {
            add(buttons(button("Leave maintenance", "leave-maintenance", true,
                    () -> maintenance.leaveMaintenance(actor, hostId), host.name() + " takes instances again")));
        }
    }

    private void confirmFencing(HostView host) {
        ConfirmDialog dialog = new ConfirmDialog("Is " + host.name() + " really off?",
                "If it still runs instances, the restarted copies would run twice until it comes back.",
                "It is off: restart its HA instances", e -> run(() -> maintenance.confirmFencing(actor, hostId),
                "Fencing confirmed: HA instances restart"));
        dialog.setCancelable(true);
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

    private static Paragraph summary(MigrationPlan plan) {
        Paragraph summary = new Paragraph("Plan " + plan.id() + " by " + plan.requestedBy() + ": " + plan.summary());
        summary.setId("plan-summary");
        return summary;
    }

    private static Grid<InstanceView> instances(HostOverview overview) {
        Grid<InstanceView> grid = new Grid<>();
        grid.setId("host-instances");
        grid.addColumn(InstanceView::name).setHeader("Instance").setAutoWidth(true);
        grid.addColumn(i -> i.vcpu() + " vCPU, " + PoolText.gib(i.memoryMib()) + " GiB").setHeader("Size")
                .setAutoWidth(true);
        grid.addColumn(i -> i.state().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        grid.addColumn(i -> i.lastError() == null ? "" : i.lastError()).setHeader("Last error").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.setItems(overview.instances());
        return grid;
    }
}
