package org.flatspace.portal.audit;

import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.person.PersonService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records every sign-in with a password, as Spring Security reports it: {@code login.success} or
 * {@code login.failure} (DENIED), with the address it came from. Never the password or the session
 * id. (API tokens are checked, and audited, by {@code ApiTokenService}.)
 */
@Component
class AuthenticationAudit {

    private final AuditService audit;
    private final PersonService people;

    AuthenticationAudit(AuditService audit, PersonService people) {
        this.audit = audit;
        this.people = people;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication signedIn = event.getAuthentication();
        audit.record(signedIn.getName(), null, "login.success", "person:" + signedIn.getName(), AuditOutcome.SUCCESS,
                "signed in with a password" + from(signedIn));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String account = attempt.getName();
        audit.record(account, null, "login.failure", "person:" + account, AuditOutcome.DENIED,
                why(event, account) + from(attempt));
    }

    /** Why, as far as an administrator needs to know; the person signing in is only told "failed". */
    private String why(AbstractAuthenticationFailureEvent event, String account) {
        if (event instanceof AuthenticationFailureLockedEvent) {
            return "refused: too many failed sign-ins";
        }
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return people.account(account).map(p -> p.enabled() ? "wrong password" : "the person is disabled")
                    .orElse("no such person");
        }
        return "refused: " + event.getException().getClass().getSimpleName();
    }

    private static String from(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? " from " + web.getRemoteAddress() : "";
    }
}
