package org.flatspace.portal.operations;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.placement.HostCapacity;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How full the pool is, as placement sees it: {@code flatspace_pool_allocated} and
 * {@code flatspace_pool_limit} per resource over the ACTIVE hosts (what new instances can still get;
 * {@code allocated / limit} is the pool's use), and {@code flatspace_hosts} per host state. One
 * capacity snapshot at most every {@link RequestMetrics#MAX_AGE}.
 */
@Component
class PoolMetrics implements MeterBinder {

    /** A resource as placement counts it, in the units of the host's columns. */
    enum Resource {
        VCPU("vcpu", HostCapacity::allocVcpu, HostCapacity::vcpuLimit),
        MEMORY("memory_mib", HostCapacity::allocMemoryMib, HostCapacity::memoryLimitMib),
        DISK("disk_gib", HostCapacity::allocDiskGib, HostCapacity::diskLimitGib);

        final String tag;
        final ToLongFunction<HostCapacity> allocated;
        final ToLongFunction<HostCapacity> limit;

        Resource(String tag, ToLongFunction<HostCapacity> allocated, ToLongFunction<HostCapacity> limit) {
            this.tag = tag;
            this.allocated = allocated;
            this.limit = limit;
        }
    }

    private final RecentValue<List<HostCapacity>> snapshot;

    PoolMetrics(PoolService pool) {
        this.snapshot = new RecentValue<>(pool::capacitySnapshot, RequestMetrics.MAX_AGE, Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Resource resource : Resource.values()) {
            Gauge.builder("flatspace.pool.allocated", snapshot, s -> sumOverActive(s.get(), resource.allocated))
                    .description("Allocated on ACTIVE hosts (vCPU, MiB of memory, GiB of disk)")
                    .tag("resource", resource.tag)
                    .register(registry);
            Gauge.builder("flatspace.pool.limit", snapshot, s -> sumOverActive(s.get(), resource.limit))
                    .description("What ACTIVE hosts may hand out: capacity less overhead, times overcommit")
                    .tag("resource", resource.tag)
                    .register(registry);
        }
        for (HostState state : HostState.values()) {
            Gauge.builder("flatspace.hosts", snapshot, s -> hostsIn(s.get()).getOrDefault(state.name(), 0L))
                    .description("Hosts of the pool by state")
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    private static double sumOverActive(List<HostCapacity> hosts, ToLongFunction<HostCapacity> resource) {
        return hosts.stream().filter(h -> HostCapacity.ACTIVE.equals(h.state())).mapToLong(resource).sum();
    }

    private static Map<String, Long> hostsIn(List<HostCapacity> hosts) {
        return hosts.stream().collect(Collectors.groupingBy(HostCapacity::state, Collectors.counting()));
    }
}
