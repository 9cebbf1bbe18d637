package org.flatspace.provisioning.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.placement.HostCapacity;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.provisioning.rebalance.Move;
import org.flatspace.provisioning.rebalance.PlacedInstance;
import org.flatspace.provisioning.rebalance.RebalancePlan;
import org.flatspace.provisioning.rebalance.RebalancePlanner;
import org.flatspace.provisioning.rebalance.RebalanceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans of moves that an administrator sees before anything moves, and runs them: evacuating a
 * host for maintenance (DRAIN), starting the HA instances of a failed host elsewhere (RESTART).
 * A plan says, per instance, where it would go and how, or what blocks it. Confirmed plans run a
 * few moves at a time ({@link #runNext}); a cancelled plan stops after the moves in flight; a plan
 * that could not move everything ends INCOMPLETE and the administrator decides what happens to
 * the host. Nothing is stopped because a plan could not be completed.
 *
 * <p>Callers check that the user is an administrator (the workflows module's host maintenance).
 */
@Service
public class MigrationPlanService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MigrationPlanService.class);

    private final PlanRows plans;
    private final InstanceRows instances;
    private final PoolService pool;
    private final EvacuationPlanner planner;
    private final MigrationService migrations;
    /** Progress commits on its own: the moves run on other connections while the caller's transaction is open. */
    private final TransactionTemplate own;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "flatspace-migration");
        thread.setDaemon(true);
        return thread;
    });

    MigrationPlanService(PlanRows plans, InstanceRows instances, PoolService pool, EvacuationPlanner planner,
                         MigrationService migrations, PlatformTransactionManager transactions) {
        this.plans = plans;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.instances = instances;
        this.pool = pool;
        this.planner = planner;
        this.migrations = migrations;
    }

    /**
     * Proposes emptying an ACTIVE host (or one still DRAINING after an incomplete plan): where each
     * of its instances would go, or what blocks it. Nothing moves until {@link #start}.
     *
     * @throws IllegalStateException if the host is in another state or already has an open plan
     */
    @Transactional
    public MigrationPlan proposeDrain(long hostId, String requestedBy) {
        HostView host = pool.host(hostId).orElseThrow(() -> new IllegalArgumentException("No such host"));
        if (host.state() != HostState.ACTIVE && host.state() != HostState.DRAINING) {
            throw new IllegalStateException("Host " + host.name() + " is " + lower(host.state())
                    + "; only an active host can be drained");
        }
        return propose(PlanKind.DRAIN, host, requestedBy, false);
    }

    /**
     * Proposes starting the HA instances of a failed host on others. The host must be DOWN and
     * fenced, so that nothing can run twice. Instances of other tiers are listed as blocked: they
     * wait for their host.
     */
    @Transactional
    public MigrationPlan proposeRestart(long hostId, String requestedBy) {
        HostView host = pool.host(hostId).orElseThrow(() -> new IllegalArgumentException("No such host"));
        if (host.state() != HostState.DOWN || !pool.fenced(hostId)) {
            throw new IllegalStateException("Host " + host.name() + " must be down and fenced before its instances"
                    + " are started elsewhere");
        }
        return propose(PlanKind.RESTART, host, requestedBy, true);
    }

    private MigrationPlan propose(PlanKind kind, HostView host, String requestedBy, boolean restart) {
        plans.openPlanOfHost(host.id()).ifPresent(open -> {
            throw new IllegalStateException("Host " + host.name() + " has an open plan already (plan " + open + ")");
        });
        List<MovableInstance> onHost = instances.onHost(host.id());
        List<HostCapacity> snapshot = pool.capacitySnapshot();
        List<EvacuationPlanner.Draft> drafts = planner.plan(host, snapshot, onHost, instances.placedPerFunction(),
                restart);
        long blocked = drafts.stream().filter(d -> d.status() == MoveStatus.BLOCKED).count();
        String summary = drafts.isEmpty() ? "nothing runs on " + host.name()
                : (drafts.size() - blocked) + " of " + drafts.size() + " instances can move"
                + (blocked > 0 ? "; " + blocked + " blocked" : "");
        long planId = plans.insertPlan(kind, host.id(), requestedBy, summary);
        int position = 0;
        for (EvacuationPlanner.Draft draft : drafts) {
            plans.insertMove(planId, position++, draft.instance(), host.id(), draft.targetId(), draft.method(),
                    draft.status(), draft.reason());
        }
        log.info("Plan {} ({}) for host {} proposed by {}: {}", planId, kind, host.name(), requestedBy, summary);
        return plan(planId);
    }

    /**
     * Proposes moves over the whole pool that even out its load (BALANCE) or empty as many hosts as
     * possible (CONSOLIDATE), at most {@code maxMigrations}, never breaking a placement rule (the
     * planner, {@link RebalancePlanner}, works on the pool as it is now). Only running instances
     * that may be live-migrated and have no move in flight are moved. A plan with no moves is
     * DONE at once.
     */
    @Transactional
    public MigrationPlan proposeRebalance(Goal goal, int maxMigrations, Duration timeLimit, String requestedBy) {
        List<HostCapacity> hosts = pool.capacitySnapshot();
        Map<java.util.UUID, MovableInstance> placed = new java.util.HashMap<>();
        List<PlacedInstance> input = new ArrayList<>();
        for (MovableInstance i : instances.placed()) {
            placed.put(i.id(), i);
            input.add(new PlacedInstance(i.id(), i.functionId(), i.hostId(), i.demand(), i.rules(),
                    i.running() && i.movingTo() == null && i.liveMigration()));
        }
        RebalancePlan plan = new RebalancePlanner().plan(new RebalanceRequest(hosts, input, goal, maxMigrations,
                timeLimit));
        PlanKind kind = goal == Goal.BALANCE ? PlanKind.BALANCE : PlanKind.CONSOLIDATE;
        long planId = plans.insertPlan(kind, null, requestedBy, summary(plan));
        Map<Long, HostView> byId = PlanRows.byId(pool.hosts());
        int position = 0;
        for (Move move : plan.moves()) {
            HostView from = byId.get(move.fromHostId());
            MoveMethod method = from != null && from.type() == org.flatspace.provisioning.host.HypervisorType.TEST
                    ? MoveMethod.COLD : MoveMethod.LIVE;
            plans.insertMove(planId, position++, placed.get(move.instanceId()), move.fromHostId(), move.toHostId(),
                    method, MoveStatus.PLANNED, null);
        }
        if (plan.moves().isEmpty()) {
            plans.changeState(planId, PlanState.PROPOSED, PlanState.DONE);
        }
        log.info("Plan {} ({}) proposed by {}: {}", planId, kind, requestedBy, summary(plan));
        return plan(planId);
    }

    private static String summary(RebalancePlan plan) {
        if (plan.moves().isEmpty()) {
            return "nothing to move: the pool is as " + (plan.goal() == Goal.BALANCE ? "even" : "packed")
                    + " as its rules allow (imbalance " + format(plan.imbalanceBefore()) + ", "
                    + plan.emptyHostsBefore() + " empty hosts)";
        }
        return plan.moves().size() + " moves: imbalance " + format(plan.imbalanceBefore()) + " -> "
                + format(plan.imbalanceAfter()) + ", empty hosts " + plan.emptyHostsBefore() + " -> "
                + plan.emptyHostsAfter() + " (the load needs at least " + plan.hostsNeededLowerBound()
                + (plan.hostsNeededLowerBound() == 1 ? " host" : " hosts") + "); planned in " + plan.took().toMillis() + " ms";
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    /**
     * Confirms a proposed plan: it becomes RUNNING; a host being drained leaves placement at once
     * (DRAINING). False if the plan was not PROPOSED (someone else confirmed or discarded it).
     */
    @Transactional
    public boolean start(long planId, String confirmedBy) {
        PlanRows.PlanHeader header = header(planId);
        if (!plans.changeState(planId, PlanState.PROPOSED, PlanState.RUNNING)) {
            return false;
        }
        if (header.kind() == PlanKind.DRAIN && header.hostId() != null) {
            pool.changeState(header.hostId(), HostState.ACTIVE, HostState.DRAINING);
        }
        log.info("Plan {} confirmed by {}", planId, confirmedBy);
        return true;
    }

    /**
     * Runs the next moves of a running plan, {@code parallelism} at a time, and waits for them.
     * Returns whether planned moves are left. A cancelled plan ends here: its remaining moves are
     * skipped and a host being drained becomes ACTIVE again. A rebalance (BALANCE, CONSOLIDATE)
     * runs one move at a time whatever the parallelism: its planner ordered the moves so that each
     * may use room an earlier one freed, which two at once would not see. The moves of a drain or
     * a restart all leave one host for targets whose room was planned for all of them, so they run
     * side by side.
     */
    public boolean runNext(long planId, int parallelism) {
        PlanState state = plans.state(planId).orElseThrow();
        if (state == PlanState.CANCELLING) {
            cancelled(planId);
            return false;
        }
        if (state != PlanState.RUNNING) {
            return false;
        }
        PlanKind kind = header(planId).kind();
        List<Future<?>> running = new ArrayList<>();
        int width = kind == PlanKind.BALANCE || kind == PlanKind.CONSOLIDATE ? 1 : Math.max(1, parallelism);
        List<Long> taken = own.execute(tx -> plans.takePlanned(planId, width));
        for (long moveId : taken) {
            running.add(workers.submit(() -> runMove(kind, plans.move(moveId).orElseThrow())));
        }
        for (Future<?> move : running) {
            try {
                move.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while moves of plan " + planId + " ran", e);
            } catch (ExecutionException e) {
                log.error("A move of plan {} failed unexpectedly", planId, e.getCause());
            }
        }
        return plans.countMoves(planId, MoveStatus.PLANNED) > 0
                && plans.state(planId).orElseThrow() == PlanState.RUNNING;
    }

    private void runMove(PlanKind kind, PlanRows.MoveRow move) {
        try {
            tryMove(kind, move);
        } catch (RuntimeException e) {
            log.error("Move {} of instance {} failed unexpectedly", move.id(), move.instanceName(), e);
            plans.finishMove(move.id(), MoveStatus.FAILED, null, "failed unexpectedly: " + e.getMessage(), null, null);
        }
    }

    private void tryMove(PlanKind kind, PlanRows.MoveRow move) {
        MoveResult result = kind == PlanKind.RESTART
                ? migrations.restartElsewhere(move.instanceId(), move.toHost())
                : migrations.move(move.instanceId(), move.toHost());
        if (!result.moved() && result.method() == null && !result.inDoubt()) {
            // refused before anything happened, usually because the target filled up: plan it again now
            Long other = replan(move);
            if (other != null) {
                plans.retarget(move.id(), other);
                result = kind == PlanKind.RESTART ? migrations.restartElsewhere(move.instanceId(), other)
                        : migrations.move(move.instanceId(), other);
            }
        }
        plans.finishMove(move.id(), result.moved() ? MoveStatus.DONE : MoveStatus.FAILED, result.method(),
                result.reason(), result.took(), result.downtime());
    }

    private Long replan(PlanRows.MoveRow move) {
        HostView source = pool.host(move.fromHost()).orElseThrow();
        return instances.find(move.instanceId())
                .filter(i -> i.hostId() != null && i.hostId() == source.id() && i.movingTo() == null)
                .map(i -> planner.plan(source, pool.capacitySnapshot(), List.of(i), instances.placedPerFunction(),
                        move.method() == MoveMethod.RESTART).get(0))
                .filter(d -> d.status() == MoveStatus.PLANNED)
                .map(EvacuationPlanner.Draft::targetId)
                .orElse(null);
    }

    /**
     * Ends a plan whose moves have all run: DONE if every instance moved (a drained host goes to
     * MAINTENANCE), INCOMPLETE otherwise (a drained host stays DRAINING, out of placement with what
     * still runs on it, until an administrator decides).
     */
    @Transactional
    public MigrationPlan finish(long planId) {
        PlanRows.PlanHeader header = header(planId);
        if (header.state() != PlanState.RUNNING) {
            return plan(planId);
        }
        settleInterrupted(planId);
        boolean complete = plans.countMoves(planId, MoveStatus.BLOCKED) == 0
                && plans.countMoves(planId, MoveStatus.FAILED) == 0;
        plans.changeState(planId, PlanState.RUNNING, complete ? PlanState.DONE : PlanState.INCOMPLETE);
        if (complete && header.kind() == PlanKind.DRAIN) {
            pool.changeState(header.hostId(), HostState.DRAINING, HostState.MAINTENANCE);
        }
        log.info("Plan {} {}", planId, complete ? "done" : "incomplete");
        return plan(planId);
    }

    /**
     * Moves still RUNNING when their plan closes were cut off (a node stopped while they ran): the
     * instance's row says where it ended up, and a move left in flight is settled by
     * {@link MigrationService#resolveInFlight}.
     */
    private void settleInterrupted(long planId) {
        for (PlanRows.MoveRow move : plans.moves(planId)) {
            if (move.status() == MoveStatus.RUNNING) {
                boolean arrived = instances.find(move.instanceId())
                        .map(i -> move.toHost() != null && move.toHost().equals(i.hostId())).orElse(false);
                plans.finishMove(move.id(), arrived ? MoveStatus.DONE : MoveStatus.FAILED, null,
                        arrived ? null : "interrupted before it finished; the instance stays where it was", null, null);
            }
        }
    }

    /**
     * Cancels a plan: a proposed one is discarded; a running one stops after the moves in flight
     * (the next {@link #runNext} ends it). False if it was neither.
     */
    @Transactional
    public boolean cancel(long planId, String cancelledBy) {
        if (plans.changeState(planId, PlanState.PROPOSED, PlanState.DISCARDED)) {
            log.info("Plan {} discarded by {}", planId, cancelledBy);
            return true;
        }
        if (plans.changeState(planId, PlanState.RUNNING, PlanState.CANCELLING)) {
            log.info("Plan {} cancelled by {}; it stops after the moves in flight", planId, cancelledBy);
            return true;
        }
        return false;
    }

    private void cancelled(long planId) {
        PlanRows.PlanHeader header = header(planId);
        own.executeWithoutResult(tx -> {
            if (plans.changeState(planId, PlanState.CANCELLING, PlanState.CANCELLED)) {
                plans.skipPlanned(planId);
                if (header.kind() == PlanKind.DRAIN) {
                    pool.changeState(header.hostId(), HostState.DRAINING, HostState.ACTIVE);
                }
            }
        });
    }

    /** After an incomplete drain: the host goes to MAINTENANCE with what still runs on it. */
    @Transactional
    public boolean enterMaintenanceAnyway(long hostId) {
        return pool.changeState(hostId, HostState.DRAINING, HostState.MAINTENANCE);
    }

    /** After an incomplete or cancelled drain: the host takes instances again. */
    @Transactional
    public boolean keepActive(long hostId) {
        return pool.changeState(hostId, HostState.DRAINING, HostState.ACTIVE);
    }

    /** Takes a host out of maintenance: it takes instances again. */
    @Transactional
    public boolean leaveMaintenance(long hostId) {
        return pool.changeState(hostId, HostState.MAINTENANCE, HostState.ACTIVE);
    }

    public MigrationPlan plan(long planId) {
        return view(header(planId), PlanRows.byId(pool.hosts()));
    }

    /** Plans, newest first: of one host, or of the whole pool when hostId is null. */
    public List<MigrationPlan> recent(Long hostId, int limit) {
        Map<Long, HostView> hosts = PlanRows.byId(pool.hosts());
        return plans.recent(hostId, limit).stream().map(h -> view(h, hosts)).toList();
    }

    /** The host's open plan (proposed, running or cancelling), if any. */
    public java.util.Optional<MigrationPlan> openPlanOf(long hostId) {
        return plans.openPlanOfHost(hostId).map(this::plan);
    }

    /** Recent moves from or to the host, newest first. */
    public List<PlannedMove> movesTouching(long hostId, int limit) {
        Map<Long, HostView> hosts = PlanRows.byId(pool.hosts());
        return plans.movesTouching(hostId, limit).stream().map(m -> m.view(hosts)).toList();
    }

    private MigrationPlan view(PlanRows.PlanHeader h, Map<Long, HostView> hosts) {
        List<PlannedMove> moves = plans.moves(h.id()).stream().map(m -> m.view(hosts)).toList();
        String hostName = h.hostId() == null || !hosts.containsKey(h.hostId()) ? null : hosts.get(h.hostId()).name();
        return new MigrationPlan(h.id(), h.kind(), h.hostId(), hostName, h.state(), h.requestedBy(), h.summary(),
                h.createdAt(), moves);
    }

    private PlanRows.PlanHeader header(long planId) {
        return plans.header(planId).orElseThrow(() -> new IllegalArgumentException("No such plan: " + planId));
    }

    private static String lower(HostState state) {
        return state.name().toLowerCase();
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
