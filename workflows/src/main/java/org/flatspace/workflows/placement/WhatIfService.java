package org.flatspace.workflows.placement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.person.Role;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.instance.PlacementService;
import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.PlacementResult;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * "Could the pool take 20 x large for a gold function?", answered against the pool as it is now
 * with the tier's rules, allocating nothing. Administrators only: the answer names hosts.
 */
@Service
public class WhatIfService {

    static final int MAX_INSTANCES = 10_000;

    private final CatalogService catalog;
    private final PlacementService placement;
    private final PoolService pool;

    WhatIfService(CatalogService catalog, PlacementService placement, PoolService pool) {
        this.catalog = catalog;
        this.placement = placement;
        this.pool = pool;
    }

    public WhatIfAnswer ask(Actor actor, Integer count, Long sizeId, Long tierId) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotAllowedException("Only admins can ask the pool what-if questions");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (count == null || count < 1 || count > MAX_INSTANCES) {
            errors.put("count", "Ask about 1 to " + MAX_INSTANCES + " instances");
        }
        SizeInfo size = sizeId == null ? null : catalog.size(sizeId).orElse(null);
        if (size == null) {
            errors.put("size", "Choose a size from the catalog");
        }
        TierInfo tier = tierId == null ? null
                : catalog.tiers().stream().filter(t -> t.id() == tierId).findFirst().orElse(null);
        if (tier == null) {
            errors.put("tier", "Choose a service tier");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        PlacementResult result = placement.whatIf(count, new Demand(size.vcpu(), size.memoryMib(), size.diskGib()),
                TierRules.of(tier));
        String asked = count + " x " + size.name() + " (" + tier.name() + ")";
        if (result instanceof PlacementResult.NoFit noFit) {
            return new WhatIfAnswer(false, "No: the pool cannot take " + asked + " now: " + noFit.explain(), Map.of());
        }
        Map<Long, String> names = pool.hosts().stream().collect(Collectors.toMap(HostView::id, HostView::name));
        Map<String, Long> perHost = ((PlacementResult.Placed) result).hostIds().stream()
                .collect(Collectors.groupingBy(names::get, TreeMap::new, Collectors.counting()));
        return new WhatIfAnswer(true, "Yes: the pool can take " + asked + " now, on " + perHost.size()
                + (perHost.size() == 1 ? " host" : " hosts") + "; nothing was allocated", perHost);
    }
}
