package org.flatspace.provisioning.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flatspace.provisioning.placement.TestHost.host;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One test per weigher: with only that weigher counting, the host it prefers wins. */
class WeighersTest {

    private final Demand small = new Demand(2, 4096, 20);
    private final List<HostCapacity> halfFullAndEmpty = List.of(host(1).allocated(8, 32768, 500).build(),
            host(2).build());

    @Test
    void spread_choosesTheLeastLoadedHost() {
        assertThat(place(new PlacementWeights(1, 0, 0, 0), halfFullAndEmpty, request(PlacementRules.NONE)))
                .isEqualTo(new PlacementResult.Placed(List.of(2L)));
    }

    @Test
    void pack_choosesTheMostLoadedHostThatFits() {
        assertThat(place(new PlacementWeights(0, 1, 0, 0), halfFullAndEmpty, request(PlacementRules.NONE)))
                .isEqualTo(new PlacementResult.Placed(List.of(1L)));
    }

    @Test
    void pack_fillsOneHostBeforeOpeningTheNext() {
        List<HostCapacity> empty = List.of(host(1).build(), host(2).build(), host(3).build());
        PlacementRequest eight = new PlacementRequest(List.of(small, small, small, small, small, small, small, small,
                small), PlacementRules.NONE, Map.of());

        List<Long> hosts = ((PlacementResult.Placed) place(PlacementWeights.PACK, empty, eight)).hostIds();

        assertThat(hosts).containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L);
    }

    @Test
    void softSpread_prefersAFaultDomainWithoutTheFunction_overALessLoadedHost() {
        List<HostCapacity> pool = List.of(host(1).faultDomain("a").build(),
                host(2).faultDomain("b").allocated(8, 32768, 0).build());
        PlacementRequest soft = new PlacementRequest(List.of(small), PlacementRules.spread(Spread.SOFT), Map.of(1L, 1));
        PlacementRequest none = new PlacementRequest(List.of(small), PlacementRules.NONE, Map.of(1L, 1));

        assertThat(place(PlacementWeights.SPREAD, pool, soft)).isEqualTo(new PlacementResult.Placed(List.of(2L)));
        assertThat(place(PlacementWeights.SPREAD, pool, none)).isEqualTo(new PlacementResult.Placed(List.of(1L)));
    }

    @Test
    void balance_sendsAMemoryHeavyInstanceToTheHostShortOnMemoryUse() {
        List<HostCapacity> pool = List.of(host(1).allocated(0, 16384, 0).build(), host(2).allocated(12, 0, 0).build());
        PlacementRequest memoryHeavy = new PlacementRequest(List.of(new Demand(1, 32768, 20)), PlacementRules.NONE,
                Map.of());

        assertThat(place(new PlacementWeights(0, 0, 0, 1), pool, memoryHeavy))
                .isEqualTo(new PlacementResult.Placed(List.of(2L)));
    }

    @Test
    void scores_areWeightedSums_soAHeavierWeightWins() {
        PlacementWeights mostlyPack = new PlacementWeights(1, 3, 0, 0);
        PlacementWeights mostlySpread = new PlacementWeights(3, 1, 0, 0);

        assertThat(place(mostlyPack, halfFullAndEmpty, request(PlacementRules.NONE)))
                .isEqualTo(new PlacementResult.Placed(List.of(1L)));
        assertThat(place(mostlySpread, halfFullAndEmpty, request(PlacementRules.NONE)))
                .isEqualTo(new PlacementResult.Placed(List.of(2L)));
    }

    private PlacementRequest request(PlacementRules rules) {
        return new PlacementRequest(List.of(small), rules, Map.of());
    }

    private static PlacementResult place(PlacementWeights weights, List<HostCapacity> pool, PlacementRequest request) {
        return new PlacementEngine(weights).place(pool, request);
    }
}
