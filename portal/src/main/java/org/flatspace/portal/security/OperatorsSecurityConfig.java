package org.flatspace.portal.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.util.Set;

import org.flatspace.portal.api.token.ApiTokenService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operators' endpoints, for administrators only, between the API's chain and the portal's:
 * <ul>
 * <li>{@code /actuator/**} and {@code /engine-rest/**}: an administrator's portal session (signed in
 * through the portal's login) or an administrator's API token, for scripts and Prometheus. The
 * health summary ({@code /actuator/health} and its liveness and readiness probes, status only) is
 * public, for load balancers and orchestrators.</li>
 * <li>{@code /camunda/**} (Cockpit, Tasklist, Admin): the portal session only; no tokens (they are
 * browser apps), and Camunda's own CSRF protection instead of Spring's, which the apps do not
 * speak.</li>
 * </ul>
 * Nobody signed in: a browser is sent to the portal's login page (and back afterwards), anything
 * else gets 401. Signed in without the ADMIN role: 403. Neither chain creates a session: only the
 * portal's login does, so a token call never leaves one behind.
 */
@Configuration
class OperatorsSecurityConfig {

    static final String[] PUBLIC_HEALTH = {"/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness"};

    private static final RequestMatcher BEARER_TOKEN = request -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    @Bean
    @Order(2)
    SecurityFilterChain operatorsSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, UserDetailsService users,
                                                     ObjectMapper json, SignedInAccess access) throws Exception {
        ProblemAuthenticationEntryPoint tokenProblem = new ProblemAuthenticationEntryPoint(json);
        http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/actuator/**"),
                        withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> {
                    for (String health : PUBLIC_HEALTH) {
                        // any method: some load balancers probe with HEAD; the endpoint answers reads only
                        requests.requestMatchers(withDefaults().matcher(health)).permitAll();
                    }
                    // the engine REST API is for reading: a POST could complete an approval task or
                    // correlate a message past the portal's rules (self-approval, another team's task)
                    requests.requestMatchers(new AndRequestMatcher(withDefaults().matcher("/engine-rest/**"),
                            new NegatedRequestMatcher(new OrRequestMatcher(
                                    withDefaults().matcher(HttpMethod.GET, "/engine-rest/**"),
                                    withDefaults().matcher(HttpMethod.HEAD, "/engine-rest/**"))))).denyAll();
                    requests.anyRequest().hasRole("ADMIN");
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // a token call carries no cookie a foreign page could make the browser send
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER_TOKEN))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.requestCache(browserNavigations()))
                .exceptionHandling(errors -> refuse(errors, tokenProblem, json))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, tokenProblem),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(access.filter(), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain camundaWebappSecurityFilterChain(HttpSecurity http, ObjectMapper json, SignedInAccess access)
            throws Exception {
        http.securityMatcher(withDefaults().matcher("/camunda/**"))
                // Tasklist would let anyone complete approval tasks past the portal's rules: decisions
                // are made in the portal (or its API), which checks who may decide what
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(withDefaults().matcher("/camunda/app/tasklist/**"),
                                withDefaults().matcher("/camunda/api/tasklist/**")).denyAll()
                        .anyRequest().hasRole("ADMIN"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // Camunda's CsrfPreventionFilter guards /camunda/api and /camunda/app
                .csrf(AbstractHttpConfigurer::disable)
                // Camunda's CacheControlFilter decides; the apps' libraries may be cached
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.requestCache(browserNavigations()))
                .exceptionHandling(errors -> refuse(errors, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), json))
                .addFilterBefore(access.filter(), AuthorizationFilter.class);
        return http.build();
    }

    /** Browsers to the login page, everything else the given answer; 403 as a problem detail. */
    private static void refuse(ExceptionHandlingConfigurer<HttpSecurity> errors, AuthenticationEntryPoint machines,
                               ObjectMapper json) {
        errors.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser())
                .defaultAuthenticationEntryPointFor(machines, AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(new ProblemAccessDeniedHandler(json,
                        "Only administrators may use the operators' endpoints and Camunda's apps"));
    }

    /** A page a browser navigates to (it asks for HTML by name; a script's Accept: *&#47;* does not count). */
    private static RequestMatcher browser() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return new AndRequestMatcher(html, request -> !BEARER_TOKEN.matches(request));
    }

    /** Remembers where a browser wanted to go, to come back there after the portal's login. */
    private static HttpSessionRequestCache browserNavigations() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(withDefaults().matcher(HttpMethod.GET, "/**"), browser()));
        return cache;
    }
}
