package org.flatspace.portal.security;

import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.Role;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * Who is signed in, for browserless UI tests: people of the demo's teams with one role each, put in
 * Spring Security's context as the login form would put them, and Karibu's faked requests made to
 * show that person to Vaadin the way Spring Security's request wrapper does in the running portal.
 */
public final class SignedIn {

    public static final long PAYROLL = 1;
    public static final long WEB_SHOP = 2;
    public static final long PLATFORM = 3;

    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    private SignedIn() {
    }

    public static FlatspaceUser person(String username, long teamId, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        return new FlatspaceUser(new PersonAccount(username.hashCode(), username, username, username + "@example.org",
                "{noop}unused", teamId, set, true));
    }

    public static FlatspaceUser requester() {
        return person("alice", PAYROLL, Role.REQUESTER);
    }

    public static FlatspaceUser manager() {
        return person("paul", PAYROLL, Role.MANAGER);
    }

    public static FlatspaceUser admin() {
        return person("admin", PLATFORM, Role.ADMIN);
    }

    /** Signs the person in, as a successful form login leaves them in the security context. */
    public static void as(FlatspaceUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }

    /** The views' {@link CurrentUser}, reading the security context as in the portal. */
    public static CurrentUser currentUser() {
        return new CurrentUser(new AuthenticationContext());
    }

    /**
     * Makes Karibu's faked requests answer {@code getUserPrincipal} and {@code isUserInRole} from
     * Spring Security's context, as {@code SecurityContextHolderAwareRequestWrapper} does for the
     * running portal: that is what Vaadin's navigation access control asks. Call before
     * {@code MockVaadin.setup}.
     */
    public static void fakeRequestsShowTheSecurityContext() {
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    return signedIn();
                }
            };
            request.setUserInRole((principal, role) -> principal instanceof Authentication authentication
                    && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || TRUST.isAnonymous(authentication) ? null : authentication;
    }
}
