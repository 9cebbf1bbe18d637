package org.flatspace.workflows.audit;

import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.provisioning.host.HostStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the pool's own changes of host state as the system's ({@code host.down},
 * {@code host.active}, {@code host.maintenance}); they count once their transaction commits.
 */
@Component
class HostStateAudit {

    private final AuditService audit;

    HostStateAudit(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void on(HostStateChanged change) {
        audit.record(AuditService.SYSTEM, null, "host." + change.to().name().toLowerCase(),
                "host:" + change.hostName(), AuditOutcome.SUCCESS,
                change.from() + " -> " + change.to() + ": " + change.reason());
    }
}
