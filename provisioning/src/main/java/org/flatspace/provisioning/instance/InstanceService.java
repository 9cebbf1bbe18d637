package org.flatspace.provisioning.instance;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainSpec;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.hypervisor.HypervisorException;
import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.PlacementResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisions, inspects and decommissions instances. Callers: the capacity-request workflow
 * (provision, decommission) and, for reading, the services in front of requesters (their team's
 * instances, without hosts) and administrators (everything).
 *
 * <p>Provisioning and decommissioning read and write in steps of their own (REQUIRES_NEW), apart
 * from the caller's transaction: hypervisor side effects cannot be rolled back with a transaction,
 * so the record of them must not be either, and each step must see what the one before it
 * committed. A caller's failed transaction then finds the instances recorded, and a retry continues
 * where the first call stopped. The one exception is the last step of provisioning, marking the
 * started instances RUNNING: it joins the caller's transaction when there is one (one commit less
 * per request). Should that transaction roll back, the instances stay recorded as PENDING on their
 * hosts, which is what a retry expects: it finds them placed, leaves their running domains as they
 * are and marks them RUNNING then; a request that fails for good removes them.
 */
@Service
public class InstanceService {

    private static final Logger log = LoggerFactory.getLogger(InstanceService.class);
    /**
     * A lost race means the chosen host no longer had room, and hosts only fill up while racing
     * placements run, so each loss rules a host out for the next plan: ten attempts outlast the
     * races seen even with many placements at once on a nearly full pool.
     */
    private static final int PLACEMENT_ATTEMPTS = 10;

    private final InstanceRepository instances;
    private final PoolService pool;
    private final Hypervisor hypervisor;
    private final TransactionTemplate step;
    /** The caller's transaction if it has one (see the class comment), else one of its own. */
    private final TransactionTemplate joined;
    private final PlacementService placements;
    private final JdbcClient jdbc;

    InstanceService(InstanceRepository instances, PoolService pool, Hypervisor hypervisor,
                    PlatformTransactionManager transactions, PlacementService placements, JdbcClient jdbc) {
        this.instances = instances;
        this.jdbc = jdbc;
        this.pool = pool;
        this.placements = placements;
        this.hypervisor = hypervisor;
        this.step = new TransactionTemplate(transactions);
        this.step.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.joined.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /**
     * Places, defines and starts every instance of the order, all or nothing. Idempotent: instances
     * already running stay as they are. On failure everything this order holds is removed from its
     * host and given back, and {@link ProvisioningFailedException} says why.
     */
    public List<InstanceView> provision(ProvisionOrder order) {
        try {
            List<Placed> placed = placeAll(order);
            Map<Long, String> hostNames = new HashMap<>();
            for (Placed p : placed) {
                HostView host = start(p.instance(), p.hostId(), order.functionName());
                hostNames.put(host.id(), host.name());
            }
            joined.executeWithoutResult(s -> jdbc.sql(
                            "update instance set state = 'RUNNING', last_error = null, updated_at = :now where id in (:ids)")
                    .param("now", Timestamp.from(Instant.now()))
                    .param("ids", placed.stream().map(p -> p.instance().id().toString()).toList()).update());
            log.info("Order {}: {} instance(s) running", order.orderKey(), placed.size());
            // what was just written, without reading it back
            return placed.stream().map(p -> {
                p.instance().placeOn(p.hostId());
                p.instance().running();
                return p.instance().toView(hostNames.get(p.hostId()));
            }).toList();
        } catch (ProvisioningFailedException e) {
            undo(order.orderKey(), e.adminDetail());
            throw e;
        } catch (HypervisorException e) {
            undo(order.orderKey(), e.getMessage());
            throw ProvisioningFailedException.retryable(
                    "a host failed to start an instance; nothing was left running", e.getMessage(), e);
        }
    }

    /** Removes the instance from its host and gives its allocation back. Idempotent. */
    public void decommission(UUID id) {
        Optional<Instance> instance = fresh(() -> instances.findById(id));
        if (instance.isPresent() && instance.get().movingTo() != null) {
            // the domain may be on either host until the move completes: the caller's job retries later
            throw ProvisioningFailedException.retryable("the instance is being moved; try again shortly",
                    "instance " + id + " has a move in flight to host " + instance.get().movingTo(), null);
        }
        instance.ifPresent(i -> removeFromHost(i, InstanceState.DELETED, null));
    }

    /** Every instance of the order, with hosts: for services to map for their callers. */
    public List<InstanceView> ofOrder(String orderKey) {
        return views(instances.findByOrderKeyOrderByName(orderKey));
    }

    /**
     * What runs for the business function now: its instances running or on their way (PENDING),
     * in name order, with hosts: for services to map for their callers.
     */
    public List<InstanceView> runningFor(long functionId) {
        return views(instances.findByFunctionIdAndStateIn(functionId,
                EnumSet.of(InstanceState.PENDING, InstanceState.RUNNING)));
    }

    /** What runs on the host (administrators). */
    public List<InstanceView> onHost(long hostId) {
        return views(instances.findByHostIdOrderByName(hostId));
    }

    /** Every placed instance by host id, in two queries, for views over the whole pool. */
    public Map<Long, List<InstanceView>> placedByHost() {
        return views(instances.findByHostIdIsNotNull()).stream()
                .sorted(Comparator.comparing(InstanceView::name))
                .collect(Collectors.groupingBy(InstanceView::hostId));
    }

    /**
     * The instances placed on these hosts by host id, in name order, in one query: for a page of a
     * host list. Hosts without instances are left out.
     */
    public Map<Long, List<InstanceView>> placedOn(List<HostView> hosts) {
        if (hosts.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = hosts.stream().collect(Collectors.toMap(HostView::id, HostView::name, (a, b) -> a));
        return instances.findByHostIdIn(names.keySet()).stream()
                .map(i -> i.toView(names.get(i.hostId())))
                .sorted(Comparator.comparing(InstanceView::name))
                .collect(Collectors.groupingBy(InstanceView::hostId));
    }

    /** What the instance's host reports for it right now, or NOT_FOUND if it is on no host. */
    public DomainState liveState(UUID id) {
        Optional<HostView> host = instances.findById(id).map(Instance::hostId).flatMap(pool::host);
        return host.map(h -> hypervisor.state(h.uri(), id)).orElse(DomainState.NOT_FOUND);
    }

    /**
     * The order's instances, recording those it does not have yet: one read for the order, and an
     * insert for each new instance (its id is the order's, so a retry finds it in the read).
     */
    private List<Instance> recorded(ProvisionOrder order) {
        List<Instance> current = new ArrayList<>(instances.findByOrderKeyOrderByName(order.orderKey()));
        Set<UUID> known = current.stream().map(Instance::id).collect(Collectors.toSet());
        for (UUID id : order.instanceIds()) {
            if (!known.contains(id)) {
                current.add(instances.save(new Instance(id, order, domainName(order.functionName(), id))));
            }
        }
        current.sort(Comparator.comparing(Instance::name));
        return current;
    }

    /**
     * Records the order's instances, places those that have no host yet and returns them all with
     * their hosts, in one short transaction per attempt: nothing has touched a hypervisor yet, so
     * an attempt that loses a race for a host's capacity simply rolls back and plans again on a
     * fresh snapshot. An order that does not fit keeps its recorded instances (they are marked
     * failed by the caller) and fails with the placement's explanation.
     */
    private List<Placed> placeAll(ProvisionOrder order) {
        for (int attempt = 1; attempt <= PLACEMENT_ATTEMPTS; attempt++) {
            Attempt outcome;
            try {
                outcome = step.execute(tx -> placeOnce(order, tx));
            } catch (ConcurrencyFailureException e) {
                log.debug("Allocation ran into another placement's locks: {}", e.getMessage());
                outcome = Attempt.LOST;
            }
            if (outcome.noFit() != null) {
                PlacementResult.NoFit noFit = outcome.noFit();
                throw new ProvisioningFailedException("no room for the instances: " + noFit.summary(),
                        noFit.explain(), null);
            }
            if (outcome.placed() != null) {
                return outcome.placed();
            }
            log.debug("Order {}: placement attempt {} lost a race, planning again", order.orderKey(), attempt);
        }
        throw new ProvisioningFailedException("the pool is busy; please try again",
                "placement lost the race " + PLACEMENT_ATTEMPTS + " times", null);
    }

    private Attempt placeOnce(ProvisionOrder order, TransactionStatus tx) {
        List<Instance> current = recorded(order);
        List<Placed> placed = new ArrayList<>();
        current.stream().filter(i -> i.hostId() != null).forEach(i -> placed.add(new Placed(i, i.hostId())));
        List<Instance> unplaced = current.stream()
                .filter(i -> i.hostId() == null && i.state() != InstanceState.DELETED).toList();
        if (!unplaced.isEmpty()) {
            List<Demand> demands = unplaced.stream().map(Instance::demand).toList();
            PlacementResult result = placements.plan(order.functionId(), demands, order.rules());
            if (result instanceof PlacementResult.NoFit noFit) {
                return new Attempt(null, noFit);
            }
            List<Long> hosts = ((PlacementResult.Placed) result).hostIds();
            if (!allocate(unplaced, hosts, tx)) {
                return Attempt.LOST;
            }
            for (int i = 0; i < unplaced.size(); i++) {
                placed.add(new Placed(unplaced.get(i), hosts.get(i)));
            }
        }
        return new Attempt(placed, null);
    }

    /** An instance and the host it is placed on. */
    private record Placed(Instance instance, long hostId) {
    }

    /** One placement attempt: the placed instances, or why none, or neither when a race was lost. */
    private record Attempt(List<Placed> placed, PlacementResult.NoFit noFit) {
        static final Attempt LOST = new Attempt(null, null);
    }

    /**
     * One conditional update per instance, in host id order so that two placements touching the
     * same hosts lock them in the same order and do not deadlock.
     */
    private boolean allocate(List<Instance> unplaced, List<Long> hosts, TransactionStatus tx) {
        instances.flush(); // the instances just recorded, before the statements below name them
        Integer[] byHost = new Integer[unplaced.size()];
        Arrays.setAll(byHost, i -> i);
        Arrays.sort(byHost, Comparator.comparing(hosts::get));
        for (int i : byHost) {
            Instance instance = unplaced.get(i);
            if (!pool.tryAllocate(hosts.get(i), instance.demand())
                    || placeIfUnplaced(instance.id(), hosts.get(i)) != 1) {
                tx.setRollbackOnly();
                return false;
            }
        }
        return true;
    }

    /**
     * Links the instance to its host unless another attempt already did. Plain SQL rather than
     * JPQL, like the host's allocation beside it: Hibernate 6.6 translates a JPQL update again on
     * every call, and this runs for every instance placed.
     */
    private int placeIfUnplaced(UUID id, long host) {
        return jdbc.sql("update instance set host_id = :host, state = 'PENDING', updated_at = :now"
                        + " where id = :id and host_id is null")
                .param("host", host).param("now", Timestamp.from(Instant.now())).param("id", id.toString()).update();
    }

    /** Defines and starts the domain on its host and returns the host; the caller records it RUNNING. */
    private HostView start(Instance instance, long hostId, String functionName) {
        UUID id = instance.id();
        HostView host = pool.host(hostId).orElseThrow();
        DomainSpec spec = new DomainSpec(id, instance.name(), "Flatspace instance for " + functionName,
                host.type().domainKind(), instance.demand().vcpu(), instance.demand().memoryMib());
        DomainState state = hypervisor.defineAndStart(host.uri(), spec);
        if (state != DomainState.RUNNING) {
            throw new ProvisioningFailedException("an instance did not start; nothing was left running",
                    "domain " + id + " on host " + host.name() + " is " + state + " after start", null);
        }
        return host;
    }

    private void undo(String orderKey, String reason) {
        log.warn("Order {}: undoing provisioning: {}", orderKey, reason);
        for (Instance instance : fresh(() -> instances.findByOrderKeyOrderByName(orderKey))) {
            if (instance.hostId() != null) {
                removeFromHost(instance, InstanceState.FAILED, reason);
            } else {
                step.executeWithoutResult(s -> instances.findById(instance.id()).orElseThrow()
                        .removed(InstanceState.FAILED, reason));
            }
        }
    }

    /**
     * Destroys and undefines the domain, then unlinks the instance and frees its allocation in one
     * step. If the host cannot be reached the instance stays linked to it, with the error, so that
     * nobody loses track of a VM that may still run.
     */
    private void removeFromHost(Instance instance, InstanceState end, String reason) {
        Long hostId = instance.hostId();
        if (hostId == null) {
            return;
        }
        HostView host = pool.host(hostId).orElseThrow();
        try {
            hypervisor.destroyAndUndefine(host.uri(), instance.id());
        } catch (HypervisorException e) {
            log.error("Instance {} could not be removed from host {}: {}", instance.id(), host.name(), e.getMessage());
            step.executeWithoutResult(s -> instances.findById(instance.id()).orElseThrow()
                    .error("could not be removed from its host: " + e.getMessage()));
            return;
        }
        step.executeWithoutResult(s -> {
            if (instances.releaseFromHost(instance.id(), hostId, end, reason, Instant.now()) == 1) {
                pool.free(hostId, instance.demand());
            }
        });
    }

    /** Reads in a transaction of its own, so that it sees every step committed before it. */
    private <T> T fresh(Supplier<T> read) {
        return step.execute(s -> read.get());
    }

    /** The instances as views, with the names of their hosts: one read for the hosts they are on. */
    private List<InstanceView> views(List<Instance> list) {
        Map<Long, String> hostNames = pool.names(list.stream().map(Instance::hostId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<InstanceView> result = new ArrayList<>(list.size());
        for (Instance i : list) {
            result.add(i.toView(i.hostId() == null ? null : hostNames.get(i.hostId())));
        }
        return result;
    }

    /** "payroll-batch-3f2a9c1b": readable, unique by the id, and safe as a libvirt domain name. */
    static String domainName(String functionName, UUID id) {
        String slug = Normalizer.normalize(functionName, Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        String suffix = id.toString().substring(0, 8);
        return slug.isEmpty() ? "instance-" + suffix : slug + "-" + suffix;
    }
}
