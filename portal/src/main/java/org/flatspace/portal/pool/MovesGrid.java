package org.flatspace.portal.pool;

import java.util.List;

import org.flatspace.provisioning.migration.PlannedMove;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

/** The moves of a plan, or a host's recent moves, as the pool's views show them. */
final class MovesGrid {

    private MovesGrid() {
    }

    /**
     * @param withFrom   show where each instance moves from (not on the page of the host it leaves)
     * @param withReason show why a move is blocked or failed
     */
    static Grid<PlannedMove> of(String id, List<PlannedMove> moves, boolean withFrom, boolean withReason) {
        Grid<PlannedMove> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(PlannedMove::instanceName).setHeader("Instance").setAutoWidth(true);
        if (withFrom) {
            grid.addColumn(PlannedMove::fromHost).setHeader("From").setAutoWidth(true);
        }
        grid.addColumn(m -> m.toHost() == null ? "-" : m.toHost()).setHeader("To").setAutoWidth(true);
        grid.addColumn(m -> m.method() == null ? "" : m.method().name().toLowerCase()).setHeader("How")
                .setAutoWidth(true);
        grid.addColumn(m -> m.status().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(PoolText::timing).setHeader("Took").setAutoWidth(true);
        if (withReason) {
            grid.addColumn(m -> m.reason() == null ? "" : m.reason()).setHeader("Why").setFlexGrow(3);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(moves);
        return grid;
    }
}
