package org.flatspace.portal.api.pool;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.flatspace.portal.api.ApiNotFoundException;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.provisioning.migration.MigrationPlan;
import org.flatspace.provisioning.rebalance.Goal;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.HostOverview;
import org.flatspace.workflows.pool.IncompleteDrainDecision;
import org.flatspace.workflows.pool.RebalanceService;
import org.flatspace.workflows.request.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

/**
 * Host maintenance, host failure and rebalancing through the API, for administrators, through the
 * same services and processes as the host and pool-plan pages: a drain shows its plan before
 * anything moves and waits for a confirmation. A step that does not fit the host's state (drain a
 * host in maintenance, confirm a plan nobody proposed) answers 409 with the reason.
 */
@RestController
@RolesAllowed("ADMIN")
class HostMaintenanceController {

    private final HostMaintenanceService maintenance;
    private final RebalanceService rebalance;

    HostMaintenanceController(HostMaintenanceService maintenance, RebalanceService rebalance) {
        this.maintenance = maintenance;
        this.rebalance = rebalance;
    }

    /** The host with what runs on it, its open plan, what it waits for, its recent plans and moves. */
    @GetMapping("/api/v1/hosts/{id}")
    public HostOverview host(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        return maintenance.overview(user.toActor(), id);
    }

    /** Proposes draining the host: 201 with the plan; nothing moves until it is confirmed. */
    @PostMapping("/api/v1/hosts/{id}/drain")
    public ResponseEntity<MigrationPlan> drain(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        MigrationPlan plan = maintenance.drain(user.toActor(), id);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).body(plan);
    }

    @PostMapping("/api/v1/hosts/{id}/drain/confirm")
    public ResponseEntity<Void> confirm(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        maintenance.confirm(user.toActor(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/hosts/{id}/drain/discard")
    public ResponseEntity<Void> discard(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        maintenance.discard(user.toActor(), id);
        return ResponseEntity.noContent().build();
    }

    /** Stops a running drain after the moves in flight. */
    @PostMapping("/api/v1/hosts/{id}/drain/cancel")
    public ResponseEntity<Void> cancel(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        maintenance.cancel(user.toActor(), id);
        return ResponseEntity.noContent().build();
    }

    /** After a drain that could not move everything: {"decision": "RETRY" | "MAINTENANCE" | "ACTIVE"}. */
    @PostMapping("/api/v1/hosts/{id}/drain/decision")
    public ResponseEntity<Void> decide(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id,
                                       @RequestBody(required = false) Map<String, Object> body) {
        maintenance.decide(user.toActor(), id, decision(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/hosts/{id}/leave-maintenance")
    public ResponseEntity<Void> leaveMaintenance(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        maintenance.leaveMaintenance(user.toActor(), id);
        return ResponseEntity.noContent().build();
    }

    /** Confirms that a DOWN host is off, so that its HA instances restart elsewhere. */
    @PostMapping("/api/v1/hosts/{id}/fencing")
    public ResponseEntity<Void> confirmFencing(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        maintenance.confirmFencing(user.toActor(), id);
        return ResponseEntity.noContent().build();
    }

    /** The pool's recent plans, newest first. */
    @GetMapping("/api/v1/plans")
    public List<MigrationPlan> plans(@AuthenticationPrincipal FlatspaceUser user,
                                     @RequestParam(defaultValue = "20") int limit) {
        return maintenance.recentPlans(user.toActor(), limit);
    }

    @GetMapping("/api/v1/plans/{id}")
    public MigrationPlan plan(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long id) {
        return maintenance.plan(user.toActor(), id);
    }

    /** Asks for a rebalance plan, {"goal": "BALANCE" | "CONSOLIDATE"}: 202, the plan follows in seconds. */
    @PostMapping("/api/v1/plans/rebalance")
    public ResponseEntity<Void> planRebalance(@AuthenticationPrincipal FlatspaceUser user,
                                              @RequestBody(required = false) Map<String, Object> body) {
        rebalance.planNow(user.toActor(), goal(body));
        return ResponseEntity.accepted().build();
    }

    /** The rebalance plan that waits for a decision: 200 with it, or 404. */
    @GetMapping("/api/v1/plans/rebalance")
    public MigrationPlan waitingRebalance(@AuthenticationPrincipal FlatspaceUser user) {
        return rebalance.waitingForDecision(user.toActor())
                .orElseThrow(() -> new ApiNotFoundException("No rebalance plan waits for a decision"));
    }

    @PostMapping("/api/v1/plans/rebalance/apply")
    public ResponseEntity<Void> apply(@AuthenticationPrincipal FlatspaceUser user) {
        rebalance.apply(user.toActor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/plans/rebalance/discard")
    public ResponseEntity<Void> discardRebalance(@AuthenticationPrincipal FlatspaceUser user) {
        rebalance.discard(user.toActor());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail notFound(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static IncompleteDrainDecision decision(Map<String, Object> body) {
        return choice(body, "decision", IncompleteDrainDecision.class,
                "Say RETRY (plan again), MAINTENANCE (maintenance as it is) or ACTIVE (keep the host active)");
    }

    private static Goal goal(Map<String, Object> body) {
        return choice(body, "goal", Goal.class, "Say BALANCE or CONSOLIDATE");
    }

    private static <E extends Enum<E>> E choice(Map<String, Object> body, String field, Class<E> type, String hint) {
        Object value = body == null ? null : body.get(field);
        if (value instanceof String text) {
            try {
                return Enum.valueOf(type, text.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                // fall through to the field error
            }
        }
        throw new InvalidRequestException(Map.of(field, hint));
    }
}
