package org.flatspace.portal.security;

import java.io.IOException;
import java.util.Optional;

import org.flatspace.portal.api.token.ApiTokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates an API call by its {@code Authorization: Bearer} token as the token's owner, with
 * the owner's current roles and team. A call without the header goes on anonymous (and is refused
 * by the chain); a token that is unknown, expired or revoked, or whose owner is gone, is refused
 * here. Not a Spring bean, so that it runs only in the API's filter chain.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** Why a bearer token was refused; the entry point says so without telling which case it was. */
    static class TokenRefused extends AuthenticationException {
        TokenRefused() {
            super("API token refused");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ApiTokenAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final UserDetailsService users;
    private final AuthenticationEntryPoint entryPoint;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, UserDetailsService users, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserDetails> owner = tokens.ownerOf(header.substring(BEARER.length()).strip()).flatMap(this::load);
        if (owner.isEmpty()) {
            log.info("API call {} {} refused: unknown, expired or revoked token", request.getMethod(),
                    request.getRequestURI());
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new TokenRefused());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.get(), null,
                owner.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<UserDetails> load(String username) {
        try {
            return Optional.of(users.loadUserByUsername(username));
        } catch (UsernameNotFoundException gone) {
            return Optional.empty();
        }
    }
}
