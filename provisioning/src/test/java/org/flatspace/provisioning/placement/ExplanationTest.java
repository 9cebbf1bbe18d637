package org.flatspace.provisioning.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.flatspace.provisioning.placement.TestHost.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A refusal counts the hosts per reason for administrators and names no host for requesters. */
class ExplanationTest {

    private final PlacementEngine engine = new PlacementEngine(PlacementWeights.SPREAD);
    private final Demand large = new Demand(4, 65536, 100);

    @Test
    void aRefusal_countsHostsPerReason_mostFirst() {
        List<HostCapacity> pool = new ArrayList<>();
        Map<Long, Integer> functionRunsOn = new HashMap<>();
        for (long id = 1; id <= 12; id++) {
            pool.add(host(id).faultDomain("b").size(32, 131072, 2000).allocated(0, 98304, 0).build());
        }
        for (long id = 13; id <= 15; id++) {
            pool.add(host(id).faultDomain("m").state("MAINTENANCE").build());
        }
        for (long id = 16; id <= 17; id++) {
            pool.add(host(id).faultDomain("a").size(32, 131072, 2000).build());
            functionRunsOn.put(id, 1);
        }

        PlacementResult.NoFit noFit = (PlacementResult.NoFit) engine.place(pool,
                new PlacementRequest(List.of(large), PlacementRules.spread(Spread.HARD), functionRunsOn));

        assertThat(noFit.explain()).isEqualTo("no host fits instance 1 of 1: 12 hosts lack 64 GiB memory, "
                + "3 hosts are in maintenance, 2 hosts would break the spread rule");
        assertThat(noFit.rejections()).extracting(Rejection::cause, Rejection::hosts).containsExactly(
                tuple(Cause.SHORT_OF_MEMORY, 12),
                tuple(Cause.IN_MAINTENANCE, 3),
                tuple(Cause.BREAKS_SPREAD, 2));
    }

    @Test
    void theRequesterIsToldHowManyFitAndWhy_withoutHosts() {
        List<HostCapacity> pool = List.of(host(1).size(32, 131072, 2000).build(),
                host(2).size(32, 131072, 2000).allocated(0, 65536, 0).build());

        PlacementResult.NoFit noFit = (PlacementResult.NoFit) engine.place(pool, PlacementRequest.of(4, large, null));

        assertThat(noFit.summary())
                .isEqualTo("the pool has room for 3 of the 4 instances right now (not enough free memory)");
        assertThat(noFit.summary()).doesNotContain("h1", "h2");
        assertThat(noFit.explain()).isEqualTo("no host fits instance 4 of 4: 2 hosts lack 64 GiB memory");
    }
}
