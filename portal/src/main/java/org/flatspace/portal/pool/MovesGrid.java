package org.flatspace.portal.pool;

import java.util.List;

import org.flatspace.portal.i18n.Texts;
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
        grid.addColumn(PlannedMove::instanceName).setHeader(Texts.of("pool.moves.column.instance")).setAutoWidth(true);
        if (withFrom) {
            grid.addColumn(PlannedMove::fromHost).setHeader(Texts.of("pool.moves.column.from")).setAutoWidth(true);
        }
        grid.addColumn(m -> m.toHost() == null ? Texts.of("pool.moves.nowhere") : m.toHost())
                .setHeader(Texts.of("pool.moves.column.to")).setAutoWidth(true);
        grid.addColumn(m -> Texts.name(m.method())).setHeader(Texts.of("pool.moves.column.method")).setAutoWidth(true);
        grid.addColumn(m -> Texts.name(m.status())).setHeader(Texts.of("pool.moves.column.status")).setAutoWidth(true);
        grid.addColumn(PoolText::timing).setHeader(Texts.of("pool.moves.column.took")).setAutoWidth(true);
        if (withReason) {
            grid.addColumn(m -> m.reason() == null ? "" : m.reason()).setHeader(Texts.of("pool.moves.column.why"))
                    .setFlexGrow(3);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(Texts.of("pool.moves.empty"));
        grid.setItems(moves);
        return grid;
    }
}
