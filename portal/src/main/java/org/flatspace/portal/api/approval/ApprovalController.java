package org.flatspace.portal.api.approval;

import java.util.List;

import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's decisions. {@link ApprovalService} says who may decide (a manager of the team, an
 * admin for admin steps, never the one who asked), whatever the caller sends.
 */
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalController {

    private static final Decision NONE = new Decision(null, null);

    private final ApprovalService approvals;

    ApprovalController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** What waits for the caller, oldest first; {@code ownRequest} marks what they asked for and may not decide. */
    @GetMapping
    List<ApprovalTask> inbox(@AuthenticationPrincipal FlatspaceUser user) {
        return approvals.inbox(user.toActor());
    }

    @PostMapping("/{taskId}/approve")
    ResponseEntity<Void> approve(@AuthenticationPrincipal FlatspaceUser user, @PathVariable String taskId,
                                 @RequestBody(required = false) Decision body) {
        approvals.approve(user.toActor(), taskId, orNone(body).comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/reject")
    ResponseEntity<Void> reject(@AuthenticationPrincipal FlatspaceUser user, @PathVariable String taskId,
                                @RequestBody(required = false) Decision body) {
        approvals.reject(user.toActor(), taskId, orNone(body).comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/reassign")
    ResponseEntity<Void> reassign(@AuthenticationPrincipal FlatspaceUser user, @PathVariable String taskId,
                                  @RequestBody(required = false) Decision body) {
        approvals.reassign(user.toActor(), taskId, orNone(body).assignee());
        return ResponseEntity.noContent().build();
    }

    private static Decision orNone(Decision body) {
        return body == null ? NONE : body;
    }
}
