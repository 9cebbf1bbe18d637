package org.flatspace.provisioning.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FirstFitPlacementTest {

    private final FirstFitPlacement placement = new FirstFitPlacement();
    private final Demand medium = new Demand(2, 4096, 40);

    @Test
    void instancesGoToTheFirstHostWithRoom_countingEarlierOnesOfTheSameRequest() {
        List<HostCapacity> pool = List.of(host(1, true, 4, 8192), host(2, true, 8, 16384));

        PlacementResult result = placement.place(pool, List.of(medium, medium, medium));

        assertThat(result).isEqualTo(new PlacementResult.Placed(List.of(1L, 1L, 2L)));
    }

    @Test
    void hostsThatAreNotActive_getNothing() {
        List<HostCapacity> pool = List.of(host(1, false, 64, 65536), host(2, true, 8, 16384));

        assertThat(placement.place(pool, List.of(medium))).isEqualTo(new PlacementResult.Placed(List.of(2L)));
    }

    @Test
    void aRequestThatDoesNotFitWhole_placesNothingAndSaysWhy() {
        List<HostCapacity> pool = List.of(host(1, true, 4, 8192), host(2, false, 64, 65536), host(3, true, 2, 1024));

        PlacementResult result = placement.place(pool, List.of(medium, medium, medium));

        assertThat(result).isInstanceOf(PlacementResult.NoFit.class);
        PlacementResult.NoFit noFit = (PlacementResult.NoFit) result;
        assertThat(noFit.placeable()).isEqualTo(2);
        assertThat(noFit.summary()).isEqualTo("the pool has room for 2 of the 3 instances right now");
        assertThat(noFit.explain()).isEqualTo(
                "no host fits instance 3 of 3 (not active: 1 host; short of 2 vCPU: 1 host; short of 4096 MiB memory: 1 host)");
    }

    private static HostCapacity host(long id, boolean active, int vcpu, long memoryMib) {
        return new HostCapacity(id, "h" + id, active, vcpu, memoryMib, 1000, 0, 0, 0);
    }
}
