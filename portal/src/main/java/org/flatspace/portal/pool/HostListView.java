package org.flatspace.portal.pool;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.provisioning.host.HostOrder;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * The pool: a heat map of every host's use by fault domain, then every host with its capacity, use
 * and instances, a page at a time and sorted by the database; each links to its page.
 * Administrators only.
 */
@Route(value = "admin/hosts", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class HostListView extends VerticalLayout implements HasDynamicTitle {

    /** A host of the grid's page with what is placed on it. */
    record HostLine(HostView host, List<InstanceView> instances) {
    }

    public HostListView(PoolService pool, InstanceService instances) {
        Grid<HostLine> grid = new Grid<>();
        grid.setId("hosts");
        grid.addComponentColumn(line -> {
            HostView h = line.host();
            RouterLink link = new RouterLink(h.name(), HostDetailView.class, HostDetailView.parameters(h.id()));
            link.setId("host-" + h.name());
            return link;
        }).setHeader(getTranslation("pool.hosts.column.host")).setAutoWidth(true)
                .setSortProperty(HostOrder.NAME.name());
        column(grid, h -> h.type().name(), getTranslation("pool.hosts.column.type"), HostOrder.TYPE);
        column(grid, h -> Texts.name(h.state()), getTranslation("pool.hosts.column.state"), HostOrder.STATE);
        column(grid, h -> getTranslation("pool.hosts.vcpu-used", h.allocVcpu(), h.vcpuLimit()),
                getTranslation("pool.hosts.column.vcpu"), HostOrder.VCPU_USED);
        column(grid, h -> getTranslation("pool.hosts.gib-used", PoolText.gib(h.allocMemoryMib()),
                PoolText.gib(h.memoryMib())), getTranslation("pool.hosts.column.memory"), HostOrder.MEMORY_USED);
        column(grid, h -> getTranslation("pool.hosts.gib-used", h.allocDiskGib(), h.diskGib()),
                getTranslation("pool.hosts.column.disk"), HostOrder.DISK_USED);
        grid.addColumn(line -> line.instances().stream()
                .map(i -> getTranslation("pool.hosts.instance", i.name(), Texts.name(i.state())))
                .collect(Collectors.joining(getTranslation("common.list-separator"))))
                .setHeader(getTranslation("pool.hosts.column.instances")).setFlexGrow(3);
        grid.addColumn(line -> line.host().uri()).setHeader(getTranslation("pool.hosts.column.uri")).setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("pool.hosts.empty"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // one page of hosts at a time, sorted by the database, with only that page's instances
        grid.setItems(query -> {
            QuerySortOrder sort = query.getSortOrders().isEmpty() ? null : query.getSortOrders().get(0);
            List<HostView> page = pool.hosts(query.getOffset(), query.getLimit(),
                    sort == null ? HostOrder.NAME : HostOrder.valueOf(sort.getSorted()),
                    sort != null && sort.getDirection() == SortDirection.DESCENDING);
            Map<Long, List<InstanceView>> placed = instances.placedOn(page);
            return page.stream().map(h -> new HostLine(h, placed.getOrDefault(h.id(), List.of())));
        }, query -> (int) pool.count());
        Svg heatMap = new Svg(PoolHeatMap.svg(pool.hosts()));
        heatMap.setId("pool-heat-map");
        heatMap.getElement().setAttribute("role", "img");
        heatMap.getElement().setAttribute("aria-label", getTranslation("pool.heatmap.label"));
        setSizeFull();
        add(new H2(getTranslation("pool.hosts.title")), heatMap, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("pool.hosts.title"));
    }

    private static void column(Grid<HostLine> grid, Function<HostView, String> text, String header, HostOrder order) {
        grid.addColumn(line -> text.apply(line.host())).setHeader(header).setAutoWidth(true)
                .setSortProperty(order.name());
    }
}
