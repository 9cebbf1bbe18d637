package org.flatspace.portal.security;

import org.flatspace.portal.api.token.ApiTokenService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API ({@code /api/**}), ahead of the portal's chain: personal API tokens only, no session,
 * no CSRF (no cookie is ever accepted, so there is nothing to forge), 401 with a problem detail
 * instead of a redirect to the login page. No HTTP Basic: passwords stay out of scripts, and a
 * password endpoint without login throttling would invite guessing. What a caller may do is decided
 * by the services behind the controllers, as for the views.
 */
@Configuration
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, UserDetailsService users,
                                               ObjectMapper json) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, entryPoint),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
