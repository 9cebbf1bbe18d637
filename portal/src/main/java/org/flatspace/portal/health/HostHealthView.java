package org.flatspace.portal.health;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.flatspace.portal.layout.MainLayout;
import org.flatspace.provisioning.health.HostHealth;
import org.flatspace.provisioning.health.HostHealthService;
import org.flatspace.provisioning.reconcile.Drift;
import org.flatspace.provisioning.reconcile.DriftKind;
import org.flatspace.provisioning.reconcile.ReconciliationReport;
import org.flatspace.provisioning.reconcile.ReconciliationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * What the health checks saw of every host, a check on demand, and reconciliation: inspect the
 * differences between the database and the hosts, or repair the safe ones. Administrators only.
 */
@Route(value = "admin/health", layout = MainLayout.class)
@PageTitle("Host health | Flatspace")
@RolesAllowed("ADMIN")
public class HostHealthView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HostHealthView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final HostHealthService health;
    private final ReconciliationService reconciliation;
    private final Grid<HostHealth> hosts = new Grid<>();
    private final Grid<Drift> drifts = new Grid<>();
    private final Paragraph driftSummary = new Paragraph();

    public HostHealthView(HostHealthService health, ReconciliationService reconciliation) {
        this.health = health;
        this.reconciliation = reconciliation;
        Button checkAll = new Button("Check all hosts now", VaadinIcon.REFRESH.create(),
                e -> call(health::checkAll).ifPresent(this::showChecked));
        checkAll.setId("check-hosts");
        configureHostGrid();
        add(new H2("Host health"),
                new Paragraph("Every host is checked on the cycle " + health.cycle() + "; a host that fails "
                        + "several checks in a row is DOWN and takes no new instances until it answers again."),
                checkAll, hosts);
        add(reconciliationSection());
        setMaxWidth("90rem");
        // a page of hosts at a time: the pool may have a thousand, each row with its own button
        hosts.setItems(query -> health.report(query.getOffset(), query.getLimit()).stream(),
                query -> (int) health.reportSize());
    }

    private void configureHostGrid() {
        hosts.setId("host-health");
        hosts.addColumn(HostHealth::hostName).setHeader("Host").setAutoWidth(true);
        hosts.addComponentColumn(HostHealthView::state).setHeader("State").setAutoWidth(true);
        hosts.addColumn(HostHealth::consecutiveFailures).setHeader("Failures in a row").setAutoWidth(true);
        hosts.addColumn(h -> time(h.lastCheckedAt())).setHeader("Last checked").setAutoWidth(true);
        hosts.addColumn(h -> time(h.lastAnswerAt())).setHeader("Last answer").setAutoWidth(true);
        hosts.addColumn(h -> h.lastError() == null ? "" : h.lastError()).setHeader("Last error").setFlexGrow(2);
        hosts.addComponentColumn(HostHealthView::capacityWarning).setHeader("Capacity").setFlexGrow(2);
        hosts.addComponentColumn(this::checkButton).setAutoWidth(true).setFlexGrow(0);
        hosts.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        hosts.setHeight("36rem");
    }

    private VerticalLayout reconciliationSection() {
        Button inspect = new Button("Inspect", VaadinIcon.SEARCH.create(),
                e -> call(reconciliation::inspect).ifPresent(r -> showDrift(r, false)));
        inspect.setId("inspect");
        Button repair = new Button("Repair what is safe", VaadinIcon.WRENCH.create(),
                e -> call(reconciliation::reconcile).ifPresent(r -> showDrift(r, true)));
        repair.setId("reconcile");
        repair.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        drifts.setId("drift");
        drifts.addColumn(d -> kind(d.kind())).setHeader("Kind").setAutoWidth(true);
        drifts.addColumn(d -> d.instance() == null ? "" : d.instance()).setHeader("Instance").setAutoWidth(true);
        drifts.addColumn(Drift::host).setHeader("Host").setAutoWidth(true);
        drifts.addColumn(d -> d.detail() == null ? "" : d.detail()).setHeader("Detail").setFlexGrow(3);
        drifts.addColumn(d -> d.fixed() ? "fixed" : "reported").setHeader("Outcome").setAutoWidth(true);
        drifts.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        drifts.setAllRowsVisible(true);
        drifts.setEmptyStateText("No differences: the database and the hosts agree.");
        drifts.setVisible(false);
        driftSummary.setId("drift-summary");

        VerticalLayout section = new VerticalLayout(new H3("Reconciliation"),
                new Paragraph("Compares what the database says runs where with what every host reports. "
                        + "Inspect changes nothing. Repair starts RUNNING instances whose domain is shut off, "
                        + "crashed or gone from an ACTIVE host; unknown, paused and misplaced domains are only "
                        + "reported, for an administrator to decide."),
                new HorizontalLayout(inspect, repair), driftSummary, drifts);
        section.setPadding(false);
        return section;
    }

    private void showChecked(List<HostHealth> report) {
        hosts.getDataProvider().refreshAll();
        long answering = report.stream().filter(h -> h.lastError() == null).count();
        Notification.show("Checked " + report.size() + " host(s): " + answering + " answered", 3000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void showDrift(ReconciliationReport report, boolean repaired) {
        drifts.setItems(report.drifts());
        drifts.setVisible(true);
        String when = (repaired ? "Repaired at " : "Inspected at ") + TIME.format(report.at()) + ": "
                + report.hostsCompared() + " host(s) compared. ";
        if (report.drifts().isEmpty()) {
            driftSummary.setText(when + "The database and the hosts agree.");
            return;
        }
        long fixed = report.drifts().stream().filter(Drift::fixed).count();
        driftSummary.setText(when + report.drifts().size() + " difference(s)"
                + (repaired ? ": " + fixed + " fixed, " + (report.drifts().size() - fixed) + " only reported." : "."));
        if (repaired) {
            // What was fixed has changed the hosts; the health columns should not lag behind.
            hosts.getDataProvider().refreshAll();
        }
    }

    private Button checkButton(HostHealth host) {
        Button check = new Button("Check", e -> call(() -> health.check(host.hostId())).ifPresent(h -> {
            hosts.getDataProvider().refreshAll();
            Notification.show(h.hostName() + (h.lastError() == null ? " answered" : " did not answer: "
                    + h.lastError()), 3000, Notification.Position.BOTTOM_START);
        }));
        check.setId("check-" + host.hostName());
        check.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return check;
    }

    /** Runs a service call; a failure becomes an error notification with its message, never a stack trace. */
    private static <T> Optional<T> call(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (RuntimeException e) {
            log.warn("Host health action failed: {}", e.getMessage(), e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Notification.show(message, 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return Optional.empty();
        }
    }

    private static Span state(HostHealth host) {
        Span state = new Span(host.state().name());
        state.addClassName(switch (host.state()) {
            case ACTIVE -> LumoUtility.TextColor.SUCCESS;
            case DRAINING, MAINTENANCE -> LumoUtility.TextColor.WARNING;
            case DOWN -> LumoUtility.TextColor.ERROR;
        });
        state.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        return state;
    }

    private static Span capacityWarning(HostHealth host) {
        if (host.capacityWarning() == null) {
            return new Span(host.lastAnswerAt() == null ? "" : "fits");
        }
        Span warning = new Span(host.capacityWarning());
        warning.addClassName(LumoUtility.TextColor.WARNING);
        return warning;
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }

    private static String kind(DriftKind kind) {
        return switch (kind) {
            case UNKNOWN_DOMAIN -> "Unknown domain";
            case MISSING_DOMAIN -> "Missing domain";
            case WRONG_STATE -> "Wrong state";
            case WRONG_HOST -> "On another host";
            case HOST_UNREACHABLE -> "Host unreachable";
        };
    }
}
