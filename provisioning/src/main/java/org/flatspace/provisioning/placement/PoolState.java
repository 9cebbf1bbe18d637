package org.flatspace.provisioning.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pool in columns of primitives, indexed by host position, so that a decision scans arrays
 * instead of objects: at 15,000 hosts that is what keeps one decision well under a millisecond.
 * Allocations change it in place; {@link PlacementSession} undoes them when a request fails.
 */
final class PoolState {

    final int size;
    final long[] ids;
    final String[] names;
    final String[] states;
    final boolean[] active;
    final String[] hypervisors;
    final double[] cpuOvercommit;
    final Set<String>[] tags;
    final String[] faultDomainNames;
    final int[] faultDomain;
    final int faultDomains;
    final long[] limitVcpu;
    final long[] limitMemory;
    final long[] limitDisk;
    final long[] allocVcpu;
    final long[] allocMemory;
    final long[] allocDisk;
    private final double[] perVcpu;
    private final double[] perMemory;
    private final double[] perDisk;
    private final Map<Long, Integer> indexOfId;
    private final double meanVcpu;
    private final double meanMemory;
    private final double meanDisk;

    @SuppressWarnings("unchecked")
    PoolState(List<HostCapacity> hosts) {
        size = hosts.size();
        ids = new long[size];
        names = new String[size];
        states = new String[size];
        active = new boolean[size];
        hypervisors = new String[size];
        cpuOvercommit = new double[size];
        tags = new Set[size];
        faultDomainNames = new String[size];
        faultDomain = new int[size];
        limitVcpu = new long[size];
        limitMemory = new long[size];
        limitDisk = new long[size];
        allocVcpu = new long[size];
        allocMemory = new long[size];
        allocDisk = new long[size];
        perVcpu = new double[size];
        perMemory = new double[size];
        perDisk = new double[size];
        indexOfId = new HashMap<>(size * 2);
        Map<String, Integer> domains = new HashMap<>();
        for (int h = 0; h < size; h++) {
            HostCapacity c = hosts.get(h);
            ids[h] = c.hostId();
            names[h] = c.name();
            states[h] = c.state();
            active[h] = HostCapacity.ACTIVE.equals(c.state());
            hypervisors[h] = c.hypervisorType();
            cpuOvercommit[h] = c.cpuOvercommit();
            tags[h] = c.tags();
            faultDomainNames[h] = c.faultDomain();
            // A host without a fault domain is a fault domain of its own.
            String domain = c.faultDomain() == null ? "\0host-" + c.hostId() : c.faultDomain();
            faultDomain[h] = domains.computeIfAbsent(domain, d -> domains.size());
            limitVcpu[h] = c.vcpuLimit();
            limitMemory[h] = c.memoryLimitMib();
            limitDisk[h] = c.diskLimitGib();
            allocVcpu[h] = c.allocVcpu();
            allocMemory[h] = c.allocMemoryMib();
            allocDisk[h] = c.allocDiskGib();
            perVcpu[h] = reciprocal(limitVcpu[h]);
            perMemory[h] = reciprocal(limitMemory[h]);
            perDisk[h] = reciprocal(limitDisk[h]);
            indexOfId.put(c.hostId(), h);
        }
        faultDomains = domains.size();
        meanVcpu = mean(limitVcpu);
        meanMemory = mean(limitMemory);
        meanDisk = mean(limitDisk);
    }

    Integer indexOf(long hostId) {
        return indexOfId.get(hostId);
    }

    void allocate(int h, Demand d) {
        allocVcpu[h] += d.vcpu();
        allocMemory[h] += d.memoryMib();
        allocDisk[h] += d.diskGib();
    }

    void release(int h, Demand d) {
        allocVcpu[h] -= d.vcpu();
        allocMemory[h] -= d.memoryMib();
        allocDisk[h] -= d.diskGib();
    }

    /** Share of the host's vCPU limit in use once the demand is on it. */
    double vcpuShareAfter(int h, Demand d) {
        return (allocVcpu[h] + d.vcpu()) * perVcpu[h];
    }

    double memoryShareAfter(int h, Demand d) {
        return (allocMemory[h] + d.memoryMib()) * perMemory[h];
    }

    double diskShareAfter(int h, Demand d) {
        return (allocDisk[h] + d.diskGib()) * perDisk[h];
    }

    /** The share of the host's most used resource once the demand is on it (its dominant share). */
    double dominantShareAfter(int h, Demand d) {
        return Math.max(vcpuShareAfter(h, d), Math.max(memoryShareAfter(h, d), diskShareAfter(h, d)));
    }

    /** The demand's dominant share of an average host: larger instances are placed first. */
    double sizeOf(Demand d) {
        return Math.max(d.vcpu() / meanVcpu, Math.max(d.memoryMib() / meanMemory, d.diskGib() / meanDisk));
    }

    List<HostCapacity> hosts() {
        List<HostCapacity> list = new ArrayList<>(size);
        for (int h = 0; h < size; h++) {
            list.add(new HostCapacity(ids[h], names[h], states[h], hypervisors[h], faultDomainNames[h], tags[h], cpuOvercommit[h],
                    limitVcpu[h], limitMemory[h], limitDisk[h], allocVcpu[h], allocMemory[h], allocDisk[h]));
        }
        return list;
    }

    private static double reciprocal(long limit) {
        // A resource the host has none of is never asked for (the capacity filter sees to it).
        return limit > 0 ? 1.0 / limit : 0.0;
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return values.length == 0 || sum == 0 ? 1.0 : sum / values.length;
    }
}
