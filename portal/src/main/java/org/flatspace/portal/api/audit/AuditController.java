package org.flatspace.portal.api.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.workflows.request.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

/**
 * The audit trail for administrators' scripts, read-only, with the filters of the audit log page:
 * {@code who} (usernames starting with), {@code team}, {@code action} (codes starting with),
 * {@code outcome}, {@code from} and {@code to} (ISO-8601 instants, {@code to} exclusive), {@code text}
 * (in the object or the detail); paged with {@code page} (from 0) and {@code size} (1 to 500).
 */
@RestController
@RolesAllowed("ADMIN")
class AuditController {

    static final int MAX_SIZE = 500;

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    /** Public so that the method-security proxy sees it. */
    @GetMapping("/api/v1/audit")
    public AuditPage entries(@RequestParam(required = false) String who, @RequestParam(required = false) String team,
                             @RequestParam(required = false) String action,
                             @RequestParam(required = false) AuditOutcome outcome,
                             @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                             @RequestParam(required = false) String text,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (page < 0) {
            errors.put("page", "Pages count from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.put("size", "Ask for 1 to " + MAX_SIZE + " entries a page");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            errors.put("to", "Must be after from");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        AuditFilter filter = new AuditFilter(who, team, action, outcome, from, to, text);
        long offset = (long) page * size;
        return new AuditPage(offset > Integer.MAX_VALUE ? List.of() : audit.find(filter, (int) offset, size),
                page, size, audit.count(filter));
    }
}
