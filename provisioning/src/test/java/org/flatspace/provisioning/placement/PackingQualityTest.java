package org.flatspace.provisioning.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pack strategy on the cloud-balancing sizes: hosts used at most 5% above the lower bound. */
class PackingQualityTest {

    @ParameterizedTest(name = "{0} hosts")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void packingABatch_usesAtMostFivePercentMoreHostsThanTheLowerBound(int dataset) {
        int hosts = Datasets.CLOUD_BALANCING_SIZES[dataset][0];
        int instances = Datasets.CLOUD_BALANCING_SIZES[dataset][1];
        List<Demand> demands = Datasets.instances(instances, 42 + dataset);
        PlacementSession session = new PlacementEngine(PlacementWeights.PACK).open(Datasets.hosts(hosts));

        PlacementResult result = session.place(new PlacementRequest(demands, PlacementRules.NONE, null));

        assertThat(result).isInstanceOf(PlacementResult.Placed.class);
        long used = Datasets.hostsUsed(session.hosts());
        long bound = Datasets.lowerBound(demands);
        System.out.printf("packing %d hosts / %d instances: %d hosts used, lower bound %d, ratio %.3f%n", hosts,
                instances, used, bound, (double) used / bound);
        assertThat((double) used / bound).isLessThanOrEqualTo(1.05);
    }
}
