package org.flatspace.portal.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.flatspace.config.audit.AuditEntry;
import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.layout.MainLayout;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The audit trail, newest first, for administrators: filter by who, team, action, outcome, time
 * and text. The grid asks the database for one page at a time, so a long trail stays fast.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit log | Flatspace")
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private final AuditService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField who = new TextField("Who");
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final Select<AuditOutcome> outcome = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("Until");
    private final TextField text = new TextField("Object or detail contains");
    private final Span total = new Span();

    public AuditLogView(AuditService audit, TeamService teams) {
        this.audit = audit;
        configureFilters(teams);
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(who, team, action, outcome, from, to, text);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        total.setId("audit-total");
        total.addClassNames(LumoUtility.TextColor.SECONDARY);
        setSizeFull();
        add(new H2("Audit log"), filters, total, grid);
        refresh();
    }

    private void configureFilters(TeamService teams) {
        who.setId("audit-who");
        who.setHelperText("Usernames starting with");
        team.setId("audit-team");
        team.setItems(teams.teamsByName().stream().map(TeamInfo::name).toList());
        team.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setItems(audit.actions());
        action.setAllowCustomValue(true);
        action.addCustomValueSetListener(e -> action.setValue(e.getDetail()));
        action.setHelperText("e.g. login. for every sign-in");
        action.setClearButtonVisible(true);
        outcome.setId("audit-outcome");
        outcome.setLabel("Outcome");
        outcome.setItems(AuditOutcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("Any");
        from.setId("audit-from");
        to.setId("audit-to");
        text.setId("audit-text");
        for (TextField field : new TextField[] {who, text}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
        }
        who.addValueChangeListener(e -> refresh());
        team.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        outcome.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        grid.setId("audit-log");
        grid.addColumn(e -> TIME.format(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::who).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::object).setHeader("Object").setAutoWidth(true);
        grid.addColumn(e -> e.outcome().name()).setHeader("Outcome").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.CENTER);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1).setTooltipGenerator(AuditEntry::detail);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
    }

    private void refresh() {
        AuditFilter filter = filter();
        long count = audit.count(filter);
        total.setText(count == 1 ? "1 entry" : count + " entries");
        grid.setItems(query -> audit.find(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(count, Integer.MAX_VALUE));
    }

    AuditFilter filter() {
        return new AuditFilter(who.getValue(), team.getValue(), action.getValue(), outcome.getValue(),
                instant(from.getValue()), instant(to.getValue()), text.getValue());
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toInstant();
    }
}
