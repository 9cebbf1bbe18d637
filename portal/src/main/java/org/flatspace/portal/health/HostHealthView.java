package org.flatspace.portal.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.flatspace.portal.i18n.Texts;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * What the health checks saw of every host, a check on demand, and reconciliation: inspect the
 * differences between the database and the hosts, or repair the safe ones. Administrators only.
 */
@Route(value = "admin/health", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class HostHealthView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(HostHealthView.class);

    private final HostHealthService health;
    private final ReconciliationService reconciliation;
    private final Grid<HostHealth> hosts = new Grid<>();
    private final Grid<Drift> drifts = new Grid<>();
    private final Paragraph driftSummary = new Paragraph();

    public HostHealthView(HostHealthService health, ReconciliationService reconciliation) {
        this.health = health;
        this.reconciliation = reconciliation;
        Button checkAll = new Button(getTranslation("health.check-all"), VaadinIcon.REFRESH.create(),
                e -> call(health::checkAll).ifPresent(this::showChecked));
        checkAll.setId("check-hosts");
        configureHostGrid();
        add(new H2(getTranslation("health.title")), new Paragraph(getTranslation("health.intro", health.cycle())),
                checkAll, hosts);
        add(reconciliationSection());
        setMaxWidth("90rem");
        // a page of hosts at a time: the pool may have a thousand, each row with its own button
        hosts.setItems(query -> health.report(query.getOffset(), query.getLimit()).stream(),
                query -> (int) health.reportSize());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("health.title"));
    }

    private void configureHostGrid() {
        hosts.setId("host-health");
        hosts.addColumn(HostHealth::hostName).setHeader(getTranslation("health.column.host")).setAutoWidth(true);
        hosts.addComponentColumn(HostHealthView::state).setHeader(getTranslation("health.column.state"))
                .setAutoWidth(true);
        hosts.addColumn(HostHealth::consecutiveFailures).setHeader(getTranslation("health.column.failures"))
                .setAutoWidth(true);
        hosts.addColumn(h -> time(h.lastCheckedAt())).setHeader(getTranslation("health.column.last-checked"))
                .setAutoWidth(true);
        hosts.addColumn(h -> time(h.lastAnswerAt())).setHeader(getTranslation("health.column.last-answer"))
                .setAutoWidth(true);
        hosts.addColumn(h -> h.lastError() == null ? "" : h.lastError())
                .setHeader(getTranslation("health.column.last-error")).setFlexGrow(2);
        hosts.addComponentColumn(HostHealthView::capacityWarning).setHeader(getTranslation("health.column.capacity"))
                .setFlexGrow(2);
        hosts.addComponentColumn(this::checkButton).setAutoWidth(true).setFlexGrow(0);
        hosts.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        hosts.setHeight("36rem");
        hosts.setEmptyStateText(getTranslation("health.empty"));
    }

    private VerticalLayout reconciliationSection() {
        Button inspect = new Button(getTranslation("health.inspect"), VaadinIcon.SEARCH.create(),
                e -> call(reconciliation::inspect).ifPresent(r -> showDrift(r, false)));
        inspect.setId("inspect");
        Button repair = new Button(getTranslation("health.repair"), VaadinIcon.WRENCH.create(),
                e -> call(reconciliation::reconcile).ifPresent(r -> showDrift(r, true)));
        repair.setId("reconcile");
        repair.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        drifts.setId("drift");
        drifts.addColumn(d -> kind(d.kind())).setHeader(getTranslation("health.drift.column.kind")).setAutoWidth(true);
        drifts.addColumn(d -> d.instance() == null ? "" : d.instance())
                .setHeader(getTranslation("health.drift.column.instance")).setAutoWidth(true);
        drifts.addColumn(Drift::host).setHeader(getTranslation("health.drift.column.host")).setAutoWidth(true);
        drifts.addColumn(d -> d.detail() == null ? "" : d.detail())
                .setHeader(getTranslation("health.drift.column.detail")).setFlexGrow(3);
        drifts.addColumn(d -> getTranslation(d.fixed() ? "health.drift.fixed" : "health.drift.reported"))
                .setHeader(getTranslation("health.drift.column.outcome")).setAutoWidth(true);
        drifts.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        drifts.setAllRowsVisible(true);
        drifts.setEmptyStateText(getTranslation("health.drift.empty"));
        drifts.setVisible(false);
        driftSummary.setId("drift-summary");

        VerticalLayout section = new VerticalLayout(new H3(getTranslation("health.reconciliation.title")),
                new Paragraph(getTranslation("health.reconciliation.intro")),
                new HorizontalLayout(inspect, repair), driftSummary, drifts);
        section.setPadding(false);
        return section;
    }

    private void showChecked(List<HostHealth> report) {
        hosts.getDataProvider().refreshAll();
        long answering = report.stream().filter(h -> h.lastError() == null).count();
        Notification.show(getTranslation("health.checked", report.size(), answering), 3000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void showDrift(ReconciliationReport report, boolean repaired) {
        drifts.setItems(report.drifts());
        drifts.setVisible(true);
        String when = getTranslation(repaired ? "health.drift.repaired-at" : "health.drift.inspected-at",
                Texts.time(report.at()), report.hostsCompared());
        if (report.drifts().isEmpty()) {
            driftSummary.setText(getTranslation("health.drift.summary.agree", when));
            return;
        }
        long fixed = report.drifts().stream().filter(Drift::fixed).count();
        driftSummary.setText(repaired
                ? getTranslation("health.drift.summary.repaired", when, report.drifts().size(), fixed,
                report.drifts().size() - fixed)
                : getTranslation("health.drift.summary.inspected", when, report.drifts().size()));
        if (repaired) {
            // What was fixed has changed the hosts; the health columns should not lag behind.
            hosts.getDataProvider().refreshAll();
        }
    }

    private Button checkButton(HostHealth host) {
        Button check = new Button(getTranslation("health.check"),
                e -> call(() -> health.check(host.hostId())).ifPresent(this::showCheckedHost));
        check.getElement().setAttribute("aria-label", getTranslation("health.check.label", host.hostName()));
        check.setId("check-" + host.hostName());
        check.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return check;
    }

    private void showCheckedHost(HostHealth host) {
        hosts.getDataProvider().refreshAll();
        Notification.show(host.lastError() == null ? getTranslation("health.answered", host.hostName())
                : getTranslation("health.not-answered", host.hostName(), host.lastError()), 3000,
                Notification.Position.BOTTOM_START);
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
        Span state = new Span(Texts.name(host.state()));
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
            return new Span(host.lastAnswerAt() == null ? "" : Texts.of("health.capacity.fits"));
        }
        Span warning = new Span(host.capacityWarning());
        warning.addClassName(LumoUtility.TextColor.WARNING);
        return warning;
    }

    private static String time(Instant instant) {
        return instant == null ? Texts.of("common.never") : Texts.time(instant);
    }

    private static String kind(DriftKind kind) {
        return switch (kind) {
            case UNKNOWN_DOMAIN -> Texts.of("health.drift.kind.unknown-domain");
            case MISSING_DOMAIN -> Texts.of("health.drift.kind.missing-domain");
            case WRONG_STATE -> Texts.of("health.drift.kind.wrong-state");
            case WRONG_HOST -> Texts.of("health.drift.kind.wrong-host");
            case HOST_UNREACHABLE -> Texts.of("health.drift.kind.host-unreachable");
        };
    }
}
