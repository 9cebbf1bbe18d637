package org.flatspace.provisioning.rebalance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementRules;

/**
 * Builds small pools for the rebalance tests: hosts of 16 vCPU, 64 GiB, 1 TB, ACTIVE, KVM, unless
 * told, and instances on them whose demand the hosts' allocations include.
 */
final class Pools {

    static final Demand SMALL = new Demand(2, 8192, 50);
    static final Demand LARGE = new Demand(8, 32768, 200);

    private final List<HostSpec> hosts = new ArrayList<>();
    private final List<PlacedInstance> instances = new ArrayList<>();

    /** One host, changed by the chained calls on it. */
    final class HostSpec {
        final long id;
        String state = HostCapacity.ACTIVE;
        String hypervisor = "KVM";
        String faultDomain;
        Set<String> tags = Set.of();
        double cpuOvercommit = 1.0;
        long vcpu = 16;
        long memoryMib = 65536;
        long diskGib = 1000;

        HostSpec(long id) {
            this.id = id;
            this.faultDomain = "fd-" + id;
        }

        HostSpec state(String state) {
            this.state = state;
            return this;
        }

        HostSpec hypervisor(String hypervisor) {
            this.hypervisor = hypervisor;
            return this;
        }

        HostSpec faultDomain(String faultDomain) {
            this.faultDomain = faultDomain;
            return this;
        }

        HostSpec tags(String... tags) {
            this.tags = Set.of(tags);
            return this;
        }

        HostSpec cpuOvercommit(double ratio) {
            this.cpuOvercommit = ratio;
            return this;
        }

        HostSpec size(long vcpu, long memoryMib, long diskGib) {
            this.vcpu = vcpu;
            this.memoryMib = memoryMib;
            this.diskGib = diskGib;
            return this;
        }

        /** Runs {@code count} instances of the function with the demand and rules, movable. */
        HostSpec runs(int count, long functionId, Demand demand, PlacementRules rules) {
            for (int i = 0; i < count; i++) {
                instances.add(new PlacedInstance(UUID.randomUUID(), functionId, id, demand, rules, true));
            }
            return this;
        }

        HostSpec runsPinned(long functionId, Demand demand) {
            instances.add(new PlacedInstance(UUID.randomUUID(), functionId, id, demand, PlacementRules.NONE, false));
            return this;
        }

        Pools and() {
            return Pools.this;
        }
    }

    static Pools pool() {
        return new Pools();
    }

    HostSpec host(long id) {
        HostSpec host = new HostSpec(id);
        hosts.add(host);
        return host;
    }

    Pools hosts(int count, String... faultDomains) {
        for (int i = 0; i < count; i++) {
            host(hosts.size() + 1).faultDomain(faultDomains[i % faultDomains.length]);
        }
        return this;
    }

    HostSpec last() {
        return hosts.get(hosts.size() - 1);
    }

    HostSpec get(long id) {
        return hosts.stream().filter(h -> h.id == id).findFirst().orElseThrow();
    }

    List<HostCapacity> capacities() {
        List<HostCapacity> list = new ArrayList<>();
        for (HostSpec h : hosts) {
            long vcpu = 0;
            long memory = 0;
            long disk = 0;
            for (PlacedInstance i : instances) {
                if (i.hostId() == h.id) {
                    vcpu += i.demand().vcpu();
                    memory += i.demand().memoryMib();
                    disk += i.demand().diskGib();
                }
            }
            list.add(new HostCapacity(h.id, "h" + h.id, h.state, h.hypervisor, h.faultDomain, h.tags, h.cpuOvercommit,
                    h.vcpu, h.memoryMib, h.diskGib, vcpu, memory, disk));
        }
        return list;
    }

    List<PlacedInstance> instances() {
        return Collections.unmodifiableList(instances);
    }

    RebalanceRequest request(Goal goal, int maxMigrations) {
        return new RebalanceRequest(capacities(), instances, goal, maxMigrations, java.time.Duration.ofSeconds(1));
    }
}
