package org.flatspace.portal.pool;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.layout.SelfRefresh;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.migration.PlanState;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.RebalanceService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The pool's plans for administrators: ask for a rebalance or a consolidation plan, apply or
 * discard the plan that waits for a decision (nothing moves before), and look at every recent
 * plan (drains, restarts after host failures, rebalances) with its moves. Refreshes itself while a
 * plan is being made or runs.
 */
@Route(value = "admin/plans", layout = MainLayout.class)
@PageTitle("Pool plans | Flatspace")
@RolesAllowed("ADMIN")
public class PoolPlansView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final RebalanceService rebalance;
    private final HostMaintenanceService maintenance;
    private final Actor actor;
    private final Grid<MigrationPlan> recent = new Grid<>();
    private final VerticalLayout selected = new VerticalLayout();
    private final VerticalLayout current = new VerticalLayout();
    private final SelfRefresh selfRefresh = new SelfRefresh(this, this::refresh);

    public PoolPlansView(RebalanceService rebalance, HostMaintenanceService maintenance, CurrentUser currentUser) {
        this.rebalance = rebalance;
        this.maintenance = maintenance;
        this.actor = currentUser.get().toActor();
        recent.setId("recent-plans");
        recent.addColumn(MigrationPlan::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        recent.addColumn(p -> PoolText.kind(p.kind())).setHeader("Plan").setAutoWidth(true);
        recent.addColumn(p -> p.hostName() == null ? "whole pool" : p.hostName()).setHeader("Host").setAutoWidth(true);
        recent.addColumn(p -> p.state().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        recent.addColumn(MigrationPlan::requestedBy).setHeader("Asked by").setAutoWidth(true);
        recent.addColumn(p -> TIME.format(p.createdAt())).setHeader("When").setAutoWidth(true);
        recent.addColumn(p -> p.moves().isEmpty() ? p.summary() : p.progress()).setHeader("Moves").setFlexGrow(2);
        recent.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        recent.setAllRowsVisible(true);
        recent.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        Button balance = new Button("Plan a rebalance", e -> ask(Goal.BALANCE));
        balance.setId("plan-balance");
        Button consolidate = new Button("Plan a consolidation", e -> ask(Goal.CONSOLIDATE));
        consolidate.setId("plan-consolidate");
        setMaxWidth("80rem");
        add(new H2("Pool plans"), new Paragraph("A rebalance evens out the load over the hosts; a consolidation"
                        + " empties as many hosts as it can (candidates to power down). Both keep every placement"
                        + " rule, move only instances whose tier allows live migration, and show their moves before any happens."),
                new HorizontalLayout(balance, consolidate), current, new H3("Recent plans"), recent, selected);
        refresh();
    }

    private void refresh() {
        current.removeAll();
        Optional<MigrationPlan> waiting = rebalance.waitingForDecision(actor);
        List<MigrationPlan> plans = maintenance.recentPlans(actor, 20);
        recent.setItems(plans);
        if (waiting.isPresent()) {
            MigrationPlan plan = waiting.get();
            Paragraph summary = new Paragraph(PoolText.kind(plan.kind()) + " plan " + plan.id() + " by "
                    + plan.requestedBy() + ": " + plan.summary());
            summary.setId("waiting-plan");
            Button apply = new Button("Apply the plan", e -> run(() -> rebalance.apply(actor), "Moving"));
            apply.setId("apply-plan");
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button discard = new Button("Discard it", e -> run(() -> rebalance.discard(actor), "Plan discarded"));
            discard.setId("discard-plan");
            current.add(new H3("Waiting for your decision: nothing has moved yet"), summary, MovesGrid.of("plan-moves", plan.moves(), true, true),
                    new HorizontalLayout(apply, discard));
        } else if (rebalance.inProgress()) {
            Paragraph working = new Paragraph("A plan is being made or its moves run; this page follows it.");
            working.setId("rebalance-in-progress");
            current.add(working);
        }
        selfRefresh.set(waiting.isEmpty() && (rebalance.inProgress()
                || plans.stream().anyMatch(p -> p.state() == PlanState.RUNNING || p.state() == PlanState.CANCELLING)));
    }

    private void ask(Goal goal) {
        run(() -> rebalance.planNow(actor, goal), "Planning: the plan shows here in a few seconds");
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

    private void show(MigrationPlan plan) {
        selected.removeAll();
        if (plan != null) {
            selected.add(new H3(PoolText.kind(plan.kind()) + " plan " + plan.id()), new Paragraph(plan.summary()),
                    MovesGrid.of("plan-moves", maintenance.plan(actor, plan.id()).moves(), true, true));
        }
    }
}
