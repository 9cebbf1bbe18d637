package org.flatspace.provisioning.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated pools and requests for the packing tests and the benchmark: the sizes of the
 * cloud-balancing problem (100 hosts/300 instances up to 1,600/4,800), identical hosts, a mix of
 * general, memory- and compute-optimised instance sizes, fixed seeds.
 */
public final class Datasets {

    /** 32 cores at 2:1 CPU overcommit, 256 GiB, 2 TB. */
    public static final long HOST_VCPU = 64;
    public static final long HOST_MEMORY_MIB = 256 * 1024;
    public static final long HOST_DISK_GIB = 2000;

    public static final int[][] CLOUD_BALANCING_SIZES = {{100, 300}, {200, 600}, {400, 1200}, {800, 2400},
            {1600, 4800}};

    private static final Demand[] SIZES = {
            new Demand(1, 2048, 20), new Demand(2, 4096, 40), new Demand(4, 8192, 80), new Demand(8, 16384, 160),
            new Demand(4, 32768, 80), new Demand(8, 8192, 80), new Demand(16, 65536, 320), new Demand(2, 16384, 40)};

    private Datasets() {
    }

    /** Identical empty hosts spread over ten fault domains. */
    public static List<HostCapacity> hosts(int count) {
        List<HostCapacity> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hosts.add(HostCapacity.plain(i + 1, "rack-" + (i % 10), HOST_VCPU, HOST_MEMORY_MIB, HOST_DISK_GIB));
        }
        return hosts;
    }

    /** Instances of mixed sizes, the same for the same seed. */
    public static List<Demand> instances(int count, long seed) {
        Random random = new Random(seed);
        List<Demand> demands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            demands.add(SIZES[random.nextInt(SIZES.length)]);
        }
        return demands;
    }

    /** The fewest identical hosts that could hold the demands: the largest over resources of total / capacity. */
    public static long lowerBound(List<Demand> demands) {
        long vcpu = 0;
        long memory = 0;
        long disk = 0;
        for (Demand d : demands) {
            vcpu += d.vcpu();
            memory += d.memoryMib();
            disk += d.diskGib();
        }
        return Math.max(ceilDiv(vcpu, HOST_VCPU), Math.max(ceilDiv(memory, HOST_MEMORY_MIB), ceilDiv(disk, HOST_DISK_GIB)));
    }

    /** Hosts with anything allocated on them. */
    public static long hostsUsed(List<HostCapacity> hosts) {
        return hosts.stream().filter(h -> h.allocVcpu() > 0 || h.allocMemoryMib() > 0).count();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
