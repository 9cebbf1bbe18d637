package org.flatspace.portal.pool;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flatspace.portal.layout.MainLayout;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceView;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * The pool: a heat map of every host's use by fault domain, then every host with its capacity, use
 * and instances; each links to its page. Administrators only.
 */
@Route(value = "admin/hosts", layout = MainLayout.class)
@PageTitle("Hosts | Flatspace")
@RolesAllowed("ADMIN")
public class HostListView extends VerticalLayout {

    public HostListView(PoolService pool, InstanceService instances) {
        Grid<HostView> grid = new Grid<>();
        grid.setId("hosts");
        grid.addComponentColumn(h -> {
            RouterLink link = new RouterLink(h.name(), HostDetailView.class, HostDetailView.parameters(h.id()));
            link.setId("host-" + h.name());
            return link;
        }).setHeader("Host").setAutoWidth(true);
        grid.addColumn(HostView::type).setHeader("Hypervisor").setAutoWidth(true);
        grid.addColumn(HostView::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(h -> h.allocVcpu() + " / " + h.vcpuLimit()).setHeader("vCPU used").setAutoWidth(true);
        grid.addColumn(h -> PoolText.gib(h.allocMemoryMib()) + " / " + PoolText.gib(h.memoryMib()) + " GiB")
                .setHeader("Memory used")
                .setAutoWidth(true);
        grid.addColumn(h -> h.allocDiskGib() + " / " + h.diskGib() + " GiB").setHeader("Disk used")
                .setAutoWidth(true);
        Map<Long, List<InstanceView>> placed = instances.placedByHost();
        grid.addColumn(h -> placed.getOrDefault(h.id(), List.of()).stream()
                        .map(i -> i.name() + " (" + i.state() + ")").collect(Collectors.joining(", ")))
                .setHeader("Instances").setFlexGrow(3);
        grid.addColumn(HostView::uri).setHeader("libvirt URI").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        List<HostView> hosts = pool.hosts();
        grid.setItems(hosts);
        Svg heatMap = new Svg(PoolHeatMap.svg(hosts));
        heatMap.setId("pool-heat-map");
        setSizeFull();
        add(new H2("Hosts"), heatMap, grid);
    }
}
