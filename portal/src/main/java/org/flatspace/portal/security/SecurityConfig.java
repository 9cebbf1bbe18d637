package org.flatspace.portal.security;

import org.flatspace.portal.layout.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Form login through Vaadin's login view; every view says who may open it (@RolesAllowed,
 * @PermitAll), and Vaadin refuses the rest. Passwords are hashed with the delegating encoder
 * (bcrypt by default).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignedInAccess access) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .addFilterBefore(access.filter(), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * bcrypt at a cost chosen for this kind of machine ({@code flatspace.security.password.bcrypt-cost},
     * default 12: see PasswordHashBenchmark), behind a delegating encoder so that stored hashes name
     * their algorithm and an installation can move to another one later. Hashes of other costs or
     * the other algorithms Spring Security names still match.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${flatspace.security.password.bcrypt-cost:12}") int cost) {
        if (cost < 10 || cost > 16) {
            throw new IllegalArgumentException("flatspace.security.password.bcrypt-cost is " + cost
                    + "; choose 10 to 16 (each step doubles the time of a sign-in)");
        }
        DelegatingPasswordEncoder factory = (DelegatingPasswordEncoder) PasswordEncoderFactories
                .createDelegatingPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
                java.util.Map.of("bcrypt", new BCryptPasswordEncoder(cost),
                        "noop", org.springframework.security.crypto.password.NoOpPasswordEncoder.getInstance()));
        encoder.setDefaultPasswordEncoderForMatches(factory);
        return encoder;
    }
}
