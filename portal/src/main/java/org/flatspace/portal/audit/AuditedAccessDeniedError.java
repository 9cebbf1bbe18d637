package org.flatspace.portal.audit;

import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.RouteAccessDeniedError;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * A signed-in person opened a view their roles do not allow: recorded ({@code access.denied} on
 * {@code view:<path>}), then shown exactly as before, as "not found" (Vaadin's own handling, which
 * this extends), so the page gives nothing away.
 */
public class AuditedAccessDeniedError extends RouteAccessDeniedError {

    private final transient AuditService audit;
    private final transient AuthenticationContext authentication;

    public AuditedAccessDeniedError(AuditService audit, AuthenticationContext authentication) {
        this.audit = audit;
        this.authentication = authentication;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        authentication.getPrincipalName().ifPresent(who -> audit.record(who, null, "access.denied",
                "view:" + event.getLocation().getPath(), AuditOutcome.DENIED, "the view needs a role the person lacks"));
        return super.setErrorParameter(event, parameter);
    }
}
