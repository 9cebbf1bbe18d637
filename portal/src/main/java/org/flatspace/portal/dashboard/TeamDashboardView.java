package org.flatspace.portal.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.request.FunctionDetailView;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.FunctionCapacity;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * What the signed-in person's team runs and how much quota is left: the quota per resource
 * (allocated, reserved by open requests, free) and each business function with its active
 * capacity. Team members only (requesters and managers); only their own team.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@RolesAllowed({"REQUESTER", "MANAGER"})
public class TeamDashboardView extends VerticalLayout implements HasDynamicTitle {

    /** One business function with what its team has running for it. */
    record FunctionLine(long id, String name, String tier, long activeRequests, long instances,
                        LocalDate nextLeaseEnd) {
    }

    /** One resource of the quota, in the unit people read it in. */
    record QuotaLine(String resource, long allocated, long reserved, long free, long limit) {
    }

    public TeamDashboardView(QuotaService quotas, CatalogService catalog, TeamService teams,
                             CapacityRequestService requests, CurrentUser currentUser) {
        Actor actor = currentUser.get().toActor();
        String team = teams.team(actor.teamId()).map(TeamInfo::name).orElse("");
        QuotaUsage usage = quotas.usage(actor.teamId());

        Svg chart = new Svg(QuotaChart.svg(usage));
        chart.setId("quota-chart");
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", getTranslation("dashboard.quota.chart"));
        Grid<QuotaLine> quota = new Grid<>();
        quota.setId("quota");
        quota.addColumn(QuotaLine::resource).setHeader(getTranslation("dashboard.quota.column.resource"));
        quota.addColumn(QuotaLine::allocated).setHeader(getTranslation("dashboard.quota.column.allocated"));
        quota.addColumn(QuotaLine::reserved).setHeader(getTranslation("dashboard.quota.column.reserved"));
        quota.addColumn(QuotaLine::free).setHeader(getTranslation("dashboard.quota.column.free"));
        quota.addColumn(QuotaLine::limit).setHeader(getTranslation("dashboard.quota.column.limit"));
        quota.setItems(quotaLines(usage));
        quota.setAllRowsVisible(true);

        Grid<FunctionLine> functions = new Grid<>();
        functions.setId("functions");
        // the name links to the function's page: reached with the arrows, followed with Enter
        functions.addComponentColumn(f -> FunctionDetailView.link(f.id(), f.name()))
                .setHeader(getTranslation("dashboard.functions.column.name"));
        functions.addColumn(FunctionLine::tier).setHeader(getTranslation("dashboard.functions.column.tier"));
        functions.addColumn(FunctionLine::activeRequests)
                .setHeader(getTranslation("dashboard.functions.column.active-requests"));
        functions.addColumn(FunctionLine::instances).setHeader(getTranslation("dashboard.functions.column.instances"));
        functions.addColumn(f -> Texts.date(f.nextLeaseEnd()))
                .setHeader(getTranslation("dashboard.functions.column.next-lease-end"));
        functions.setEmptyStateText(getTranslation("dashboard.functions.empty"));
        functions.setItems(functionLines(catalog.functionsOf(actor.teamId()), requests.activeCapacityOf(actor)));
        functions.setAllRowsVisible(true);

        setMaxWidth("64rem");
        add(new H2(getTranslation("dashboard.title", team)), new H3(getTranslation("dashboard.quota.title")), chart,
                quota, new H3(getTranslation("dashboard.functions.title")), functions);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("dashboard.page-title"));
    }

    static List<QuotaLine> quotaLines(QuotaUsage u) {
        return List.of(
                new QuotaLine(Texts.of("dashboard.quota.vcpu"), u.allocated().vcpu(), u.reserved().vcpu(),
                        u.freeVcpu(), u.limits().vcpu()),
                new QuotaLine(Texts.of("dashboard.quota.memory"), u.allocated().memoryMib() / 1024,
                        u.reserved().memoryMib() / 1024, u.freeMemoryMib() / 1024, u.limits().memoryMib() / 1024),
                new QuotaLine(Texts.of("dashboard.quota.disk"), u.allocated().diskGib(), u.reserved().diskGib(),
                        u.freeDiskGib(), u.limits().diskGib()),
                new QuotaLine(Texts.of("dashboard.quota.instances"), u.allocated().instances(),
                        u.reserved().instances(), u.freeInstances(), u.limits().instances()));
    }

    /** Every function of the team, with its active capacity (none when it has no active request). */
    static List<FunctionLine> functionLines(List<FunctionInfo> functions, List<FunctionCapacity> active) {
        Map<String, FunctionCapacity> byName = active.stream()
                .collect(Collectors.toMap(FunctionCapacity::functionName, Function.identity()));
        return functions.stream().map(f -> {
            FunctionCapacity capacity = byName.get(f.name());
            return capacity == null ? new FunctionLine(f.id(), f.name(), f.tier().name(), 0, 0, null)
                    : new FunctionLine(f.id(), f.name(), f.tier().name(), capacity.activeRequests(),
                    capacity.instances(), capacity.nextLeaseEnd());
        }).toList();
    }
}
