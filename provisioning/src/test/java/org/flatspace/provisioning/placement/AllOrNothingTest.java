package org.flatspace.provisioning.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flatspace.provisioning.placement.TestHost.host;

import java.util.List;

import org.junit.jupiter.api.Test;

class AllOrNothingTest {

    private final Demand medium = new Demand(4, 16384, 40);
    private final List<HostCapacity> pool = List.of(host(1).build(), host(2).build());

    @Test
    void aRequestThatDoesNotFitWhole_allocatesNothing_andTheNextOneSeesTheWholePool() {
        PlacementSession session = new PlacementEngine(PlacementWeights.SPREAD).open(pool);
        List<HostCapacity> before = session.hosts();

        PlacementResult tooMany = session.place(PlacementRequest.of(9, medium, null));

        assertThat(tooMany).isInstanceOf(PlacementResult.NoFit.class);
        assertThat(((PlacementResult.NoFit) tooMany).placeable()).isEqualTo(8);
        assertThat(session.hosts()).isEqualTo(before);
        assertThat(session.place(PlacementRequest.of(8, medium, null))).isInstanceOf(PlacementResult.Placed.class);
    }

    @Test
    void aPlacedRequest_staysAllocatedInTheSession_forTheNextDecision() {
        PlacementSession session = new PlacementEngine(PlacementWeights.SPREAD).open(pool);

        session.place(PlacementRequest.of(6, medium, null));

        assertThat(session.hosts()).extracting(HostCapacity::allocVcpu).containsExactly(12L, 12L);
        assertThat(session.place(PlacementRequest.of(3, medium, null))).isInstanceOf(PlacementResult.NoFit.class);
    }

    @Test
    void placeOnAPool_leavesTheCallersSnapshotAlone() {
        PlacementResult result = new PlacementEngine(PlacementWeights.PACK).place(pool, PlacementRequest.of(2, medium,
                null));

        assertThat(result).isEqualTo(new PlacementResult.Placed(List.of(1L, 1L)));
        assertThat(pool).extracting(HostCapacity::allocVcpu).containsOnly(0L);
    }
}
