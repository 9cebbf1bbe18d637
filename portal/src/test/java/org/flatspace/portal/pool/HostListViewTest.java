package org.flatspace.portal.pool;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.security.SignedIn;
import org.flatspace.provisioning.host.HostOrder;
import org.flatspace.provisioning.host.HostOverhead;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.InstanceService;
import org.flatspace.provisioning.instance.InstanceState;
import org.flatspace.provisioning.instance.InstanceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;

/** The host list reads one page of hosts at a time, sorted by the database, with that page's instances only. */
class HostListViewTest {

    private static final HostView A1 = host(1, "demo-a1");
    private static final HostView A2 = host(2, "demo-a2");

    private final BrowserlessUi ui = new BrowserlessUi();
    private PoolService pool;
    private InstanceService instances;
    private Grid<HostListView.HostLine> grid;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void openTheHostList() {
        pool = ui.mock(PoolService.class);
        instances = ui.mock(InstanceService.class);
        when(pool.count()).thenReturn(1000L);
        ui.start();
        SignedIn.as(SignedIn.admin());
        BrowserlessUi.open("admin/hosts");
        grid = _get(Grid.class, spec -> spec.withId("hosts"));
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void aPageOfHosts_comesWithTheInstancesOfThatPageOnly() {
        InstanceView payroll = new InstanceView(UUID.randomUUID(), "request-1", 1, "payroll-batch-1", "small", 1,
                2048, 20, InstanceState.RUNNING, 1L, "demo-a1", null);
        when(pool.hosts(0, 50, HostOrder.NAME, false)).thenReturn(List.of(A1, A2));
        when(instances.placedOn(List.of(A1, A2))).thenReturn(Map.of(1L, List.of(payroll)));

        List<HostListView.HostLine> rows = GridKt._fetch(grid, 0, 50);

        assertThat(rows).containsExactly(new HostListView.HostLine(A1, List.of(payroll)),
                new HostListView.HostLine(A2, List.of()));
        assertThat(GridKt._size(grid.getDataProvider(), null)).isEqualTo(1000);
        verify(instances, never()).placedByHost();
    }

    @Test
    void sortingByAColumn_asksTheDatabaseForThatOrder() {
        when(pool.hosts(0, 50, HostOrder.VCPU_USED, true)).thenReturn(List.of(A2, A1));
        when(instances.placedOn(any())).thenReturn(Map.of());
        Grid.Column<HostListView.HostLine> vcpu = grid.getColumns().stream()
                .filter(c -> "vCPU used".equals(c.getHeaderText())).findFirst().orElseThrow();

        grid.sort(GridSortOrder.desc(vcpu).build());
        List<HostListView.HostLine> rows = GridKt._fetch(grid, 0, 50);

        assertThat(rows).extracting(l -> l.host().name()).containsExactly("demo-a2", "demo-a1");
    }

    private static HostView host(long id, String name) {
        return new HostView(id, name, "test:///" + name + ".xml", HypervisorType.TEST, HostState.ACTIVE, 16, 65536,
                500, 2.0, "rack-a", 4, 8192, 40, 1.0, 1.0, HostOverhead.NONE, Set.of());
    }
}
