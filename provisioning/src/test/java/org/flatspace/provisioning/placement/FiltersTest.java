package org.flatspace.provisioning.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flatspace.provisioning.placement.TestHost.host;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** One test per filter: the host it turns away gets nothing, and the refusal names the filter. */
class FiltersTest {

    private final PlacementEngine engine = new PlacementEngine(PlacementWeights.SPREAD);
    private final Demand small = new Demand(2, 4096, 20);

    @Test
    void hostsThatAreNotActive_getNothing() {
        List<HostCapacity> pool = List.of(host(1).state("MAINTENANCE").build(), host(2).state("DOWN").build(),
                host(3).size(4, 8192, 100).build());

        assertThat(placeOne(pool, small, PlacementRules.NONE)).isEqualTo(placed(3));
        assertThat(explain(pool.subList(0, 2), small, PlacementRules.NONE))
                .isEqualTo("no host fits instance 1 of 1: 1 host is in maintenance, 1 host is down");
    }

    @Test
    void aRequiredHypervisorType_excludesHostsOfAnotherType() {
        List<HostCapacity> pool = List.of(host(1).hypervisor("QEMU").build(), host(2).hypervisor("KVM").build());
        PlacementRules kvm = new PlacementRules(Spread.NONE, false, Set.of(), "KVM", 0);

        assertThat(placeOne(pool, small, kvm)).isEqualTo(placed(2));
        assertThat(explain(pool.subList(0, 1), small, kvm))
                .isEqualTo("no host fits instance 1 of 1: 1 host runs another hypervisor than KVM");
    }

    @Test
    void aTierThatAcceptsLittleCpuOvercommit_avoidsHostsThatOvercommitMore() {
        List<HostCapacity> pool = List.of(host(1).cpuOvercommit(4.0).build(), host(2).cpuOvercommit(2.0).build());
        PlacementRules gold = new PlacementRules(Spread.NONE, false, Set.of(), null, 2.0);

        assertThat(placeOne(pool, small, gold)).isEqualTo(placed(2));
        assertThat(explain(pool.subList(0, 1), small, gold))
                .isEqualTo("no host fits instance 1 of 1: 1 host overcommits CPU beyond 2.0");
    }

    @Test
    void requiredTags_mustAllBeOnTheHost() {
        List<HostCapacity> pool = List.of(host(1).tags("ssd").build(), host(2).tags("ssd", "gpu").build());
        PlacementRules gpu = new PlacementRules(Spread.NONE, false, Set.of("gpu", "ssd"), null, 0);

        assertThat(placeOne(pool, small, gpu)).isEqualTo(placed(2));
        assertThat(explain(pool.subList(0, 1), small, gpu))
                .isEqualTo("no host fits instance 1 of 1: 1 host lacks the tags gpu, ssd");
    }

    @Test
    void aHostWithoutFreeVcpu_isSkipped() {
        Demand eight = new Demand(8, 4096, 20);
        List<HostCapacity> pool = List.of(host(1).allocated(12, 0, 0).build(), host(2).allocated(8, 32768, 0).build());

        assertThat(placeOne(pool, eight, PlacementRules.NONE)).isEqualTo(placed(2));
        assertThat(explain(pool.subList(0, 1), eight, PlacementRules.NONE))
                .isEqualTo("no host fits instance 1 of 1: 1 host lacks 8 vCPU");
    }

    @Test
    void aHostWithoutFreeMemory_isSkipped() {
        Demand big = new Demand(2, 65536, 20);
        List<HostCapacity> pool = List.of(host(1).allocated(0, 1024, 0).build(), host(2).size(16, 131072, 1000).build());

        assertThat(placeOne(pool, big, PlacementRules.NONE)).isEqualTo(placed(2));
        assertThat(explain(pool.subList(0, 1), big, PlacementRules.NONE))
                .isEqualTo("no host fits instance 1 of 1: 1 host lacks 64 GiB memory");
    }

    @Test
    void aHostWithoutFreeDisk_isSkipped() {
        Demand disky = new Demand(2, 4096, 500);
        List<HostCapacity> pool = List.of(host(1).allocated(0, 0, 600).build(), host(2).build());

        assertThat(placeOne(pool, disky, PlacementRules.NONE)).isEqualTo(placed(2));
        assertThat(explain(pool.subList(0, 1), disky, PlacementRules.NONE))
                .isEqualTo("no host fits instance 1 of 1: 1 host lacks 500 GiB disk");
    }

    @Test
    void hardSpread_sendsTheNextInstanceToTheEmptiestFaultDomain_evenWhenItIsBusier() {
        List<HostCapacity> pool = List.of(host(1).faultDomain("a").build(), host(2).faultDomain("b").build(),
                host(3).faultDomain("c").allocated(10, 32768, 0).build());
        PlacementRequest request = new PlacementRequest(List.of(small), PlacementRules.spread(Spread.HARD),
                Map.of(1L, 1, 2L, 1));

        assertThat(engine.place(pool, request)).isEqualTo(placed(3));
    }

    @Test
    void hardSpread_refusesRatherThanCrowdAFaultDomain() {
        List<HostCapacity> pool = List.of(host(1).faultDomain("a").build(), host(2).faultDomain("b").build(),
                host(3).faultDomain("c").allocated(16, 0, 0).build());
        PlacementRequest request = new PlacementRequest(List.of(small), PlacementRules.spread(Spread.HARD),
                Map.of(1L, 1, 2L, 1));

        PlacementResult.NoFit noFit = (PlacementResult.NoFit) engine.place(pool, request);

        assertThat(noFit.explain())
                .isEqualTo("no host fits instance 1 of 1: 2 hosts would break the spread rule, 1 host lacks 2 vCPU");
    }

    @Test
    void hardSpread_placesABatchOneFaultDomainAtATime() {
        List<HostCapacity> pool = List.of(host(1).faultDomain("a").build(), host(2).faultDomain("a").build(),
                host(3).faultDomain("b").build(), host(4).faultDomain("c").build());
        PlacementRequest request = new PlacementRequest(List.of(small, small, small, small, small, small),
                PlacementRules.spread(Spread.HARD), Map.of());

        List<Long> hosts = ((PlacementResult.Placed) engine.place(pool, request)).hostIds();

        Map<String, Long> perDomain = PlacementInvariants.perFaultDomain(pool, hosts);
        assertThat(perDomain).containsOnly(Map.entry("a", 2L), Map.entry("b", 2L), Map.entry("c", 2L));
    }

    @Test
    void affinity_keepsTheFunctionInTheFaultDomainWhereItRuns() {
        List<HostCapacity> pool = List.of(host(1).faultDomain("a").build(),
                host(2).faultDomain("b").allocated(8, 16384, 0).build(),
                host(3).faultDomain("b").allocated(10, 16384, 0).build());
        PlacementRules together = new PlacementRules(Spread.NONE, true, Set.of(), null, 0);
        PlacementRequest request = new PlacementRequest(List.of(small, small), together, Map.of(3L, 1));

        assertThat(engine.place(pool, request)).isEqualTo(new PlacementResult.Placed(List.of(2L, 2L)));
    }

    @Test
    void affinity_letsTheFirstInstanceChooseAndTheOthersFollow() {
        List<HostCapacity> pool = List.of(host(1).faultDomain("a").build(), host(2).faultDomain("b").build(),
                host(3).faultDomain("a").build());
        PlacementRules together = new PlacementRules(Spread.NONE, true, Set.of(), null, 0);
        PlacementRequest request = new PlacementRequest(List.of(small, small, small), together, Map.of());

        List<Long> hosts = ((PlacementResult.Placed) engine.place(pool, request)).hostIds();

        assertThat(PlacementInvariants.perFaultDomain(pool, hosts)).hasSize(1);
    }

    private PlacementResult placeOne(List<HostCapacity> pool, Demand demand, PlacementRules rules) {
        return engine.place(pool, new PlacementRequest(List.of(demand), rules, Map.of()));
    }

    private String explain(List<HostCapacity> pool, Demand demand, PlacementRules rules) {
        return ((PlacementResult.NoFit) placeOne(pool, demand, rules)).explain();
    }

    private static PlacementResult placed(long... hostIds) {
        return new PlacementResult.Placed(java.util.Arrays.stream(hostIds).boxed().toList());
    }
}
