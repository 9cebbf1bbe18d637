package org.flatspace.portal.audit;

import org.aopalliance.intercept.MethodInvocation;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Records the refusals of Spring Security's role checks ({@code access.denied}): a role missing for
 * an endpoint ({@code @RolesAllowed} on a controller) or for a URL (the operators' endpoints).
 * Spring Security publishes them once an {@link AuthorizationEventPublisher} bean exists; it is
 * declared here. Someone not signed in at all is not recorded: they are sent to sign in (or get
 * 401), and their sign-in is what is audited.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationAudit {

    private final AuditService audit;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    AuthorizationAudit(AuditService audit) {
        this.audit = audit;
    }

    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || !trust.isAuthenticated(who)) {
            return;
        }
        audit.record(who.getName(), null, "access.denied", object(event.getObject()), AuditOutcome.DENIED,
                "the role needed is missing");
    }

    /** "api:GET /api/v1/hosts", or the method when there is no request. */
    private static String object(Object secured) {
        if (secured instanceof HttpServletRequest request) {
            return "url:" + CurrentRequest.line(request);
        }
        String method = secured instanceof MethodInvocation call
                ? call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName() : null;
        return CurrentRequest.line().map(line -> "url:" + line).orElse(method == null ? null : "method:" + method);
    }
}
