package org.flatspace.portal.pool;

import java.util.List;
import java.util.Optional;

import org.flatspace.portal.i18n.Texts;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The pool's plans for administrators: ask for a rebalance or a consolidation plan, apply or
 * discard the plan that waits for a decision (nothing moves before), and look at every recent
 * plan (drains, restarts after host failures, rebalances) with its moves. Refreshes itself while a
 * plan is being made or runs.
 */
@Route(value = "admin/plans", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class PoolPlansView extends VerticalLayout implements HasDynamicTitle {

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
        recent.addColumn(p -> String.valueOf(p.id())).setHeader(getTranslation("pool.plans.column.id"))
                .setAutoWidth(true).setFlexGrow(0);
        recent.addColumn(p -> PoolText.kind(p.kind())).setHeader(getTranslation("pool.plans.column.kind"))
                .setAutoWidth(true);
        recent.addColumn(p -> p.hostName() == null ? getTranslation("pool.plans.whole-pool") : p.hostName())
                .setHeader(getTranslation("pool.plans.column.host")).setAutoWidth(true);
        recent.addColumn(p -> Texts.name(p.state())).setHeader(getTranslation("pool.plans.column.state"))
                .setAutoWidth(true);
        recent.addColumn(MigrationPlan::requestedBy).setHeader(getTranslation("pool.plans.column.asked-by"))
                .setAutoWidth(true);
        recent.addColumn(p -> Texts.time(p.createdAt())).setHeader(getTranslation("pool.plans.column.when"))
                .setAutoWidth(true);
        recent.addColumn(p -> p.moves().isEmpty() ? p.summary() : p.progress())
                .setHeader(getTranslation("pool.plans.column.moves"))
                .setFlexGrow(2);
        recent.addComponentColumn(this::showButton).setAutoWidth(true).setFlexGrow(0);
        recent.setEmptyStateText(getTranslation("pool.plans.empty"));
        recent.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        recent.setAllRowsVisible(true);
        recent.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        Button balance = new Button(getTranslation("pool.plans.ask.balance"), e -> ask(Goal.BALANCE));
        balance.setId("plan-balance");
        Button consolidate = new Button(getTranslation("pool.plans.ask.consolidate"), e -> ask(Goal.CONSOLIDATE));
        consolidate.setId("plan-consolidate");
        setMaxWidth("80rem");
        add(new H2(getTranslation("pool.plans.title")), new Paragraph(getTranslation("pool.plans.intro")),
                new HorizontalLayout(balance, consolidate), current, new H3(getTranslation("pool.plans.recent")),
                recent, selected);
        refresh();
    }

    /** Shows a plan's moves from the keyboard too: a button in the row, not only a click on it. */
    private Button showButton(MigrationPlan plan) {
        Button show = new Button(getTranslation("pool.plans.show"), e -> recent.select(plan));
        show.getElement().setAttribute("aria-label", getTranslation("pool.plans.show.label",
                String.valueOf(plan.id())));
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return show;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("pool.plans.title"));
    }

    private void refresh() {
        current.removeAll();
        Optional<MigrationPlan> waiting = rebalance.waitingForDecision(actor);
        List<MigrationPlan> plans = maintenance.recentPlans(actor, 20);
        recent.setItems(plans);
        if (waiting.isPresent()) {
            MigrationPlan plan = waiting.get();
            Paragraph summary = new Paragraph(getTranslation("pool.plans.waiting.summary", PoolText.kind(plan.kind()),
                    String.valueOf(plan.id()), plan.requestedBy(), plan.summary()));
            summary.setId("waiting-plan");
            Button apply = new Button(getTranslation("pool.plans.apply"),
                    e -> run(() -> rebalance.apply(actor), getTranslation("pool.plans.applied")));
            apply.setId("apply-plan");
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button discard = new Button(getTranslation("pool.plans.discard"),
                    e -> run(() -> rebalance.discard(actor), getTranslation("pool.plan.discarded")));
            discard.setId("discard-plan");
            current.add(new H3(getTranslation("pool.plans.waiting.title")), summary,
                    MovesGrid.of("plan-moves", plan.moves(), true, true), new HorizontalLayout(apply, discard));
        } else if (rebalance.inProgress()) {
            Paragraph working = new Paragraph(getTranslation("pool.plans.in-progress"));
            working.setId("rebalance-in-progress");
            current.add(working);
        }
        selfRefresh.set(waiting.isEmpty() && (rebalance.inProgress()
                || plans.stream().anyMatch(p -> p.state() == PlanState.RUNNING || p.state() == PlanState.CANCELLING)));
    }

    private void ask(Goal goal) {
        run(() -> rebalance.planNow(actor, goal), getTranslation("pool.plans.planning"));
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
            selected.add(new H3(getTranslation("pool.plans.selected.title", PoolText.kind(plan.kind()),
                    String.valueOf(plan.id()))),
                    new Paragraph(plan.summary()),
                    MovesGrid.of("plan-moves", maintenance.plan(actor, plan.id()).moves(), true, true));
        }
    }
}
