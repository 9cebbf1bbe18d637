package org.flatspace.portal.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.flatspace.config.audit.AuditEntry;
import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.i18n.Texts;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The audit trail, newest first, for administrators: filter by who, team, action, outcome, time
 * and text. The grid asks the database for one page at a time, so a long trail stays fast.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final AuditService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField who = new TextField();
    private final ComboBox<String> team = new ComboBox<>();
    private final ComboBox<String> action = new ComboBox<>();
    private final Select<AuditOutcome> outcome = new Select<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final TextField text = new TextField();
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
        add(new H2(getTranslation("audit.title")), filters, total, grid);
        refresh();
    }

    private void configureFilters(TeamService teams) {
        who.setLabel(getTranslation("audit.filter.who"));
        team.setLabel(getTranslation("audit.filter.team"));
        action.setLabel(getTranslation("audit.filter.action"));
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.until"));
        text.setLabel(getTranslation("audit.filter.text"));
        who.setId("audit-who");
        who.setAutofocus(true);
        who.setHelperText(getTranslation("audit.filter.who.helper"));
        team.setId("audit-team");
        team.setItems(teams.teamsByName().stream().map(TeamInfo::name).toList());
        team.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setItems(audit.actions());
        action.setAllowCustomValue(true);
        action.addCustomValueSetListener(e -> action.setValue(e.getDetail()));
        action.setHelperText(getTranslation("audit.filter.action.helper"));
        action.setClearButtonVisible(true);
        outcome.setId("audit-outcome");
        outcome.setLabel(getTranslation("audit.filter.outcome"));
        outcome.setItemLabelGenerator(Texts::name);
        outcome.setItems(AuditOutcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("audit.filter.outcome.any"));
        from.setId("audit-from");
        from.setDatePickerI18n(Texts.datePicker());
        to.setId("audit-to");
        to.setDatePickerI18n(Texts.datePicker());
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
        grid.addColumn(e -> Texts.time(e.at())).setHeader(getTranslation("audit.column.when")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::who).setHeader(getTranslation("audit.column.who")).setAutoWidth(true);
        grid.addColumn(AuditEntry::team).setHeader(getTranslation("audit.column.team")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.column.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::object).setHeader(getTranslation("audit.column.object")).setAutoWidth(true);
        grid.addColumn(e -> Texts.name(e.outcome())).setHeader(getTranslation("audit.column.outcome"))
                .setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.CENTER);
        grid.addColumn(AuditEntry::detail).setHeader(getTranslation("audit.column.detail")).setFlexGrow(1)
                .setTooltipGenerator(AuditEntry::detail);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("audit.empty"));
    }

    private void refresh() {
        AuditFilter filter = filter();
        long count = audit.count(filter);
        total.setText(getTranslation("audit.total", count));
        grid.setItems(query -> audit.find(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(count, Integer.MAX_VALUE));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("audit.title"));
    }

    AuditFilter filter() {
        return new AuditFilter(who.getValue(), team.getValue(), action.getValue(), outcome.getValue(),
                instant(from.getValue()), instant(to.getValue()), text.getValue());
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toInstant();
    }
}
