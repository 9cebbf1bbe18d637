package org.flatspace.portal.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps a signed-in session true to what an administrator decides: a session holds the person's
 * team and roles as they were at sign-in, so a person disabled, removed, given other roles or moved
 * to another team is signed out at their next request (at most {@code
 * flatspace.security.session-recheck} after the last look, default 5 s) and signs in again with
 * what now holds. Without it a demoted administrator kept administering, and a person moved to
 * another team kept seeing the old team's data, until the session ended. One look is one query;
 * it works on every node of a cluster, as it asks the database, not the node that made the change.
 * API calls need none of it: each token call loads its owner afresh.
 */
@Component
public class SignedInAccess {

    private static final Logger log = LoggerFactory.getLogger(SignedInAccess.class);
    private static final String CHECKED_AT = SignedInAccess.class.getName() + ".checkedAt";

    private final PersonService people;
    private final Duration recheck;
    private final Clock clock;

    SignedInAccess(PersonService people, @Value("${flatspace.security.session-recheck:5s}") Duration recheck,
                   Optional<Clock> clock) {
        if (recheck.isNegative() || recheck.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("flatspace.security.session-recheck is " + recheck
                    + "; choose 0s (every request) to 5m");
        }
        this.people = people;
        this.recheck = recheck;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Why the signed-in user's session no longer matches the person, or empty while it does. */
    Optional<String> changed(FlatspaceUser user) {
        Optional<PersonAccount> now = people.account(user.getUsername());
        if (now.isEmpty()) {
            return Optional.of("the person no longer exists");
        }
        PersonAccount person = now.get();
        if (!person.enabled()) {
            return Optional.of("the person was disabled");
        }
        if (person.teamId() != user.teamId()) {
            return Optional.of("the person moved to another team");
        }
        if (!person.roles().equals(user.roles())) {
            return Optional.of("the person's roles changed");
        }
        return Optional.empty();
    }

    /** The filter for a session-based security chain: before its authorisation decisions. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                check(request);
                chain.doFilter(request, response);
            }
        };
    }

    private void check(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || authentication == null
                || !(authentication.getPrincipal() instanceof FlatspaceUser user)) {
            return;
        }
        try {
            check(session, user);
        } catch (IllegalStateException endedMeanwhile) {
            // another request of the same session ended it (sign-out, or this check): nothing left to do
            SecurityContextHolder.clearContext();
        }
    }

    private void check(HttpSession session, FlatspaceUser user) {
        Instant now = clock.instant();
        if (session.getAttribute(CHECKED_AT) instanceof Instant checked && now.isBefore(checked.plus(recheck))) {
            return;
        }
        Optional<String> why = changed(user);
        if (why.isEmpty()) {
            session.setAttribute(CHECKED_AT, now);
            return;
        }
        log.info("Signed {} out: {}", user.getUsername(), why.get());
        SecurityContextHolder.clearContext();
        session.invalidate();
    }
}
