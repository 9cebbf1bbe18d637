package org.flatspace.provisioning.migration;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainSpec;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.hypervisor.LiveMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves one instance to another host, keeping at every step and after any failure the invariant
 * that it runs on exactly one host and the database says which:
 * <ol>
 * <li>claim: the target's allocation is taken (a conditional update, so only with room and only
 * on an ACTIVE host) and the instance marked as moving there, in one transaction;</li>
 * <li>move: live where the tier allows it and the driver can (libvirt keeps the guest on the
 * source if that fails), cold otherwise (shut down, define and start on the target with the same
 * UUID, undefine on the source);</li>
 * <li>complete: the instance is on the target and the source's allocation is given back, in one
 * transaction.</li>
 * </ol>
 * When a step fails, both hosts are asked where the domain runs and the database follows them
 * ({@link #resolve}); if a host does not answer, the move stays in flight (the instance keeps its
 * host and its target's allocation) until it can be resolved. Callers: the plan runner, for
 * administrators only.
 */
@Service
public class MigrationService {

    private static final Logger log = LoggerFactory.getLogger(MigrationService.class);
    /** How long a guest gets to shut down for a cold move before it is switched off. */
    static final Duration COLD_SHUTDOWN_TIMEOUT = Duration.ofMinutes(2);

    private final InstanceRows rows;
    private final PoolService pool;
    private final Hypervisor hypervisor;
    private final TransactionTemplate step;
    /** Moves running in this node: resolving must not touch them. */
    private final Set<UUID> moving = ConcurrentHashMap.newKeySet();

    MigrationService(InstanceRows rows, PoolService pool, Hypervisor hypervisor,
                     PlatformTransactionManager transactions) {
        this.rows = rows;
        this.pool = pool;
        this.hypervisor = hypervisor;
        this.step = new TransactionTemplate(transactions);
        this.step.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Moves a running instance to the target host, live where allowed, cold otherwise. */
    public MoveResult move(UUID instanceId, long targetHostId) {
        return run(instanceId, targetHostId, false);
    }

    /**
     * Starts the instance on the target because its host failed and was fenced: nothing is asked
     * of the failed host (its domains are removed when it comes back, see {@link #cleanUpReturnedHost}).
     */
    public MoveResult restartElsewhere(UUID instanceId, long targetHostId) {
        return run(instanceId, targetHostId, true);
    }

    /** The instance as migration sees it. */
    public Optional<MovableInstance> instance(UUID instanceId) {
        return rows.find(instanceId);
    }

    private MoveResult run(UUID id, long targetHostId, boolean restart) {
        Optional<MovableInstance> found = rows.find(id);
        if (found.isEmpty()) {
            return MoveResult.refused(id, 0, targetHostId, "no such instance");
        }
        MovableInstance instance = found.get();
        long from = instance.hostId() == null ? 0 : instance.hostId();
        Optional<String> refusal = refusal(instance, targetHostId, restart);
        if (refusal.isPresent()) {
            return MoveResult.refused(id, from, targetHostId, refusal.get());
        }
        HostView source = pool.host(from).orElseThrow();
        HostView target = pool.host(targetHostId).orElseThrow();
        if (!moving.add(id)) {
            return MoveResult.refused(id, from, targetHostId, "this instance is being moved already");
        }
        try {
            if (!claim(instance, source, target)) {
                return MoveResult.refused(id, from, targetHostId, "the target has no room for it any more,"
                        + " left ACTIVE, or the instance moved meanwhile");
            }
            return restart ? restart(instance, source, target) : move(instance, source, target);
        } finally {
            moving.remove(id);
        }
    }

    private Optional<String> refusal(MovableInstance instance, long targetHostId, boolean restart) {
        if (instance.hostId() == null) {
            return Optional.of("it is on no host");
        }
        if (instance.movingTo() != null) {
            return Optional.of("a move of it is already in flight");
        }
        if (!instance.running()) {
            return Optional.of("only running instances move; this one is " + instance.state().toLowerCase());
        }
        if (instance.hostId() == targetHostId) {
            return Optional.of("it already runs on that host");
        }
        Optional<HostView> source = pool.host(instance.hostId());
        Optional<HostView> target = pool.host(targetHostId);
        if (target.isEmpty()) {
            return Optional.of("no such target host");
        }
        if (target.get().state() != HostState.ACTIVE) {
            return Optional.of("the target host is " + target.get().state().name().toLowerCase());
        }
        if (source.get().type() != target.get().type()) {
            return Optional.of("the target runs " + target.get().type() + ", the instance's host "
                    + source.get().type());
        }
        if (restart && !pool.fenced(instance.hostId())) {
            return Optional.of("its host has not been fenced: it may still run there");
        }
        return Optional.empty();
    }

    private boolean claim(MovableInstance instance, HostView source, HostView target) {
        return Boolean.TRUE.equals(step.execute(tx -> {
            if (pool.tryAllocate(target.id(), instance.demand())
                    && rows.claim(instance.id(), source.id(), target.id())) {
                return true;
            }
            tx.setRollbackOnly();
            return false;
        }));
    }

    private MoveResult move(MovableInstance instance, HostView source, HostView target) {
        long begin = System.nanoTime();
        MoveMethod method = instance.liveMigration() && source.type() != HypervisorType.TEST
                ? MoveMethod.LIVE : MoveMethod.COLD;
        Duration downtime = null;
        try {
            if (method == MoveMethod.LIVE) {
                LiveMigration live = hypervisor.migrateLive(source.uri(), target.uri(), instance.id());
                downtime = live.downtime().orElse(null);
            } else {
                hypervisor.shutdown(source.uri(), instance.id(), COLD_SHUTDOWN_TIMEOUT);
                hypervisor.defineAndStart(target.uri(), spec(instance, target));
            }
        } catch (RuntimeException e) {
            log.warn("Instance {}: {} move from {} to {} failed: {}", instance.name(), method, source.name(),
                    target.name(), e.getMessage());
            return resolved(instance, source, target, method, begin, describe(e));
        }
        complete(instance, source, target);
        if (method == MoveMethod.COLD) {
            removeStoppedCopy(instance, source);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        log.info("Instance {} moved {} from {} to {} in {} ms", instance.name(), method, source.name(),
                target.name(), took.toMillis());
        return new MoveResult(instance.id(), source.id(), target.id(), method, true, false, null, took, downtime);
    }

    private MoveResult restart(MovableInstance instance, HostView source, HostView target) {
        long begin = System.nanoTime();
        try {
            hypervisor.defineAndStart(target.uri(), spec(instance, target));
        } catch (RuntimeException e) {
            log.warn("Instance {}: restart on {} failed: {}", instance.name(), target.name(), e.getMessage());
            removeQuietly(target, instance);
            abandon(instance, target, "restart on another host failed: " + describe(e));
            return new MoveResult(instance.id(), source.id(), target.id(), MoveMethod.RESTART, false, false,
                    describe(e), Duration.ofNanos(System.nanoTime() - begin), null);
        }
        complete(instance, source, target);
        log.info("Instance {} restarted on {} after host {} failed", instance.name(), target.name(), source.name());
        return new MoveResult(instance.id(), source.id(), target.id(), MoveMethod.RESTART, true, false, null,
                Duration.ofNanos(System.nanoTime() - begin), null);
    }

    /**
     * Where does the domain run after a failed step? Both hosts are asked and the database
     * follows: on the target only -> the move is complete; not on the target -> it stays on (or is
     * started again on) the source; both running -> the target's copy goes. A host that does not
     * answer leaves the move in flight.
     */
    private MoveResult resolved(MovableInstance instance, HostView source, HostView target, MoveMethod method,
                                long begin, String reason) {
        Resolution resolution = resolve(instance, source, target);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        return switch (resolution) {
            case MOVED -> new MoveResult(instance.id(), source.id(), target.id(), method, true, false, null, took,
                    null);
            case STAYED -> new MoveResult(instance.id(), source.id(), target.id(), method, false, false, reason, took,
                    null);
            case IN_DOUBT -> new MoveResult(instance.id(), source.id(), target.id(), method, false, true,
                    reason + "; a host did not answer, so the move waits to be resolved", took, null);
        };
    }

    /** How a move left in flight was settled. */
    public enum Resolution { MOVED, STAYED, IN_DOUBT }

    /**
     * Settles every move left in flight that this node is not running (after a restart of the
     * application, or once a host answers again). Returns how many are still in doubt.
     */
    public int resolveInFlight() {
        int inDoubt = 0;
        for (MovableInstance instance : rows.inFlight()) {
            if (!moving.add(instance.id())) {
                continue;
            }
            try {
                HostView source = pool.host(instance.hostId()).orElseThrow();
                HostView target = pool.host(instance.movingTo()).orElseThrow();
                if (resolve(instance, source, target) == Resolution.IN_DOUBT) {
                    inDoubt++;
                }
            } finally {
                moving.remove(instance.id());
            }
        }
        return inDoubt;
    }

    private Resolution resolve(MovableInstance instance, HostView source, HostView target) {
        DomainState onTarget = stateOrNull(target, instance);
        if (onTarget == null) {
            rows.error(instance.id(), "moving to " + target.name() + ", which did not answer: in doubt until it does");
            return Resolution.IN_DOUBT;
        }
        DomainState onSource = stateOrNull(source, instance);
        if (onTarget == DomainState.RUNNING && onSource != DomainState.RUNNING) {
            complete(instance, source, target);
            removeStoppedCopy(instance, source);
            log.info("Instance {} runs on {}: the move is complete", instance.name(), target.name());
            return Resolution.MOVED;
        }
        if (onTarget != DomainState.NOT_FOUND) {
            removeQuietly(target, instance);
        }
        boolean stillWanted = rows.find(instance.id()).map(MovableInstance::running).orElse(false);
        if (onSource != null && onSource != DomainState.RUNNING && stillWanted) {
            try {
                hypervisor.defineAndStart(source.uri(), spec(instance, source));
            } catch (RuntimeException e) {
                log.error("Instance {} could not be started again on {}: {}", instance.name(), source.name(),
                        e.getMessage());
                abandon(instance, target, "the move failed and it could not be started again on "
                        + source.name() + ": " + describe(e));
                return Resolution.STAYED;
            }
        }
        abandon(instance, target, "the move to " + target.name() + " failed; it stays on " + source.name());
        log.info("Instance {} stays on {}", instance.name(), source.name());
        return Resolution.STAYED;
    }

    /**
     * A host that comes back after it was fenced may still run domains of instances that were
     * restarted elsewhere meanwhile: those are destroyed and undefined, so that no instance runs
     * twice. Returns how many were removed; throws if the host cannot be asked.
     */
    public int cleanUpReturnedHost(long hostId) {
        HostView host = pool.host(hostId).orElseThrow();
        int removed = 0;
        for (var domain : hypervisor.list(host.uri())) {
            Optional<MovableInstance> instance = rows.find(domain.id());
            if (instance.isPresent() && !Long.valueOf(hostId).equals(instance.get().hostId())) {
                hypervisor.destroyAndUndefine(host.uri(), domain.id());
                log.warn("Host {} came back running {}, which now runs on another host: removed it", host.name(),
                        instance.get().name());
                removed++;
            }
        }
        return removed;
    }

    private void complete(MovableInstance instance, HostView source, HostView target) {
        step.executeWithoutResult(tx -> {
            if (rows.complete(instance.id(), source.id(), target.id())) {
                pool.free(source.id(), instance.demand());
            }
        });
    }

    private void abandon(MovableInstance instance, HostView target, String reason) {
        step.executeWithoutResult(tx -> {
            if (rows.abandon(instance.id(), target.id(), reason)) {
                pool.free(target.id(), instance.demand());
            }
        });
    }

    /** After a cold move the source still defines the stopped domain; a failure here only leaves a copy that never runs. */
    private void removeStoppedCopy(MovableInstance instance, HostView source) {
        try {
            hypervisor.destroyAndUndefine(source.uri(), instance.id());
        } catch (RuntimeException e) {
            log.warn("Instance {} runs on its new host, but its stopped copy on {} could not be undefined: {}",
                    instance.name(), source.name(), e.getMessage());
            rows.error(instance.id(), "a stopped copy is still defined on " + source.name());
        }
    }

    private void removeQuietly(HostView host, MovableInstance instance) {
        try {
            hypervisor.destroyAndUndefine(host.uri(), instance.id());
        } catch (RuntimeException e) {
            log.warn("Instance {}: could not remove its copy on {}: {}", instance.name(), host.name(), e.getMessage());
        }
    }

    private DomainState stateOrNull(HostView host, MovableInstance instance) {
        try {
            return hypervisor.state(host.uri(), instance.id());
        } catch (RuntimeException e) {
            log.warn("Host {} did not say where instance {} runs: {}", host.name(), instance.name(), e.getMessage());
            return null;
        }
    }

    private static DomainSpec spec(MovableInstance instance, HostView host) {
        return new DomainSpec(instance.id(), instance.name(), "Flatspace instance " + instance.name(),
                host.type().domainKind(), instance.demand().vcpu(), instance.demand().memoryMib());
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
