package org.flatspace.provisioning.instance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementEngine;
import org.flatspace.provisioning.placement.PlacementRequest;
import org.flatspace.provisioning.placement.PlacementResult;
import org.flatspace.provisioning.placement.PlacementSession;
import org.flatspace.provisioning.placement.PlacementRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placement decisions against the pool as it is now, allocating nothing: the plan that
 * {@link InstanceService} then allocates, and the administrators' what-if ("could the pool take
 * 20 x large for a gold function?"). A {@link PlacementResult.NoFit} explains itself twice: for
 * administrators with hosts counted per reason, for requesters without hosts.
 */
@Service
@Transactional(readOnly = true)
public class PlacementService {

    private final PoolService pool;
    private final JdbcClient jdbc;
    private final PlacementEngine engine;

    PlacementService(PoolService pool, JdbcClient jdbc, PlacementProperties properties) {
        this.pool = pool;
        this.jdbc = jdbc;
        this.engine = new PlacementEngine(properties.toWeights());
    }

    /** Where the instances of the function would go now, all or nothing, under these rules. */
    public PlacementResult plan(long functionId, List<Demand> instances, PlacementRules rules) {
        // the function's instances per host matter only to spread and affinity; counting them reads
        // every instance of the function, so a function without those rules skips it
        Map<Long, Integer> placed = rules.tracksGroup() ? placedOf(functionId) : Map.of();
        return engine.place(pool.capacitySnapshot(), new PlacementRequest(instances, rules, placed));
    }

    /**
     * Could the pool take {@code count} instances of this size, for a new function with these
     * rules? Nothing is allocated.
     */
    public PlacementResult whatIf(int count, Demand size, PlacementRules rules) {
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("Ask for 1 to 10,000 instances");
        }
        return engine.place(pool.capacitySnapshot(), PlacementRequest.of(count, size, rules));
    }

    /**
     * A placement session on the given snapshot, for planners that place one instance after the
     * other and must see what they placed before (evacuation, restarts after a host failure).
     */
    public PlacementSession session(List<HostCapacity> snapshot) {
        return engine.open(snapshot);
    }

    /** How many of the function's instances each host holds: what spread and affinity count. */
    private Map<Long, Integer> placedOf(long functionId) {
        Map<Long, Integer> placed = new HashMap<>();
        jdbc.sql("select host_id, count(*) from instance where function_id = :function and host_id is not null"
                        + " group by host_id")
                .param("function", functionId)
                .query((rs, row) -> placed.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return placed;
    }
}
