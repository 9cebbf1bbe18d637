package org.flatspace.provisioning.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.instance.PlacementService;
import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.placement.PlacementRequest;
import org.flatspace.provisioning.placement.PlacementResult;
import org.flatspace.provisioning.placement.PlacementRules;
import org.flatspace.provisioning.placement.PlacementSession;
import org.springframework.stereotype.Component;

/**
 * Where each instance of a host would go if the host were emptied now: the placement engine with
 * the instance's own rules, on the pool without that host, one instance after the other (largest
 * first), each seeing where the ones before it went. A target always runs the same hypervisor type
 * as the host. An instance that fits nowhere is blocked, with placement's explanation.
 */
@Component
class EvacuationPlanner {

    /** One line of a plan before it is stored. */
    record Draft(MovableInstance instance, Long targetId, MoveMethod method, MoveStatus status, String reason) {
    }

    private final PlacementService placement;

    EvacuationPlanner(PlacementService placement) {
        this.placement = placement;
    }

    List<Draft> plan(HostView source, List<HostCapacity> snapshot, List<MovableInstance> instances,
                     Map<Long, Map<Long, Integer>> placedPerFunction, boolean restart) {
        List<HostCapacity> pool = snapshot.stream().map(h -> h.hostId() == source.id() ? leaving(h) : h).toList();
        PlacementSession session = placement.session(pool);
        Map<Long, Map<Long, Integer>> counts = new HashMap<>();
        placedPerFunction.forEach((function, perHost) -> counts.put(function, new HashMap<>(perHost)));
        List<MovableInstance> largestFirst = new ArrayList<>(instances);
        largestFirst.sort(Comparator.comparingLong((MovableInstance i) -> i.demand().memoryMib())
                .thenComparingInt(i -> i.demand().vcpu()).reversed());
        List<Draft> drafts = new ArrayList<>();
        for (MovableInstance instance : largestFirst) {
            drafts.add(planOne(source, instance, session, counts, restart));
        }
        return drafts;
    }

    private Draft planOne(HostView source, MovableInstance instance, PlacementSession session,
                          Map<Long, Map<Long, Integer>> counts, boolean restart) {
        MoveMethod method = restart ? MoveMethod.RESTART
                : instance.liveMigration() && source.type() != HypervisorType.TEST ? MoveMethod.LIVE : MoveMethod.COLD;
        if (instance.movingTo() != null) {
            return blocked(instance, method, "a move of it is already in flight");
        }
        if (!instance.running()) {
            return blocked(instance, method, "it is " + instance.state().toLowerCase() + ", not running");
        }
        if (restart && !instance.restartOnFailure()) {
            return blocked(instance, method,
                    "its tier does not restart instances after a host failure: it waits for its host");
        }
        Map<Long, Integer> ofFunction = counts.computeIfAbsent(instance.functionId(), f -> new HashMap<>());
        Map<Long, Integer> others = new HashMap<>(ofFunction);
        others.computeIfPresent(source.id(), (h, n) -> n > 1 ? n - 1 : null);
        PlacementRules rules = instance.rules();
        PlacementRules sameType = new PlacementRules(rules.spread(), rules.affinity(), rules.requiredTags(),
                source.type().name(), rules.maxCpuOvercommit());
        PlacementResult result = session.place(new PlacementRequest(List.of(instance.demand()), sameType, others));
        if (result instanceof PlacementResult.NoFit noFit) {
            return blocked(instance, method, noFit.explain());
        }
        long target = ((PlacementResult.Placed) result).hostIds().get(0);
        ofFunction.merge(target, 1, Integer::sum);
        ofFunction.computeIfPresent(source.id(), (h, n) -> n > 1 ? n - 1 : null);
        return new Draft(instance, target, method, MoveStatus.PLANNED, null);
    }

    private static Draft blocked(MovableInstance instance, MoveMethod method, String reason) {
        return new Draft(instance, null, method, MoveStatus.BLOCKED, reason);
    }

    /** The host being emptied takes nothing. */
    private static HostCapacity leaving(HostCapacity h) {
        return new HostCapacity(h.hostId(), h.name(), HostCapacity.LEAVING, h.hypervisorType(), h.faultDomain(), h.tags(),
                h.cpuOvercommit(), h.vcpuLimit(), h.memoryLimitMib(), h.diskLimitGib(), h.allocVcpu(),
                h.allocMemoryMib(), h.allocDiskGib());
    }
}
