package org.flatspace.portal;

import java.util.stream.Stream;

import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.annotation.Aspect;
import org.flatspace.portal.api.token.CreatedApiToken;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Test-only auto-configuration (listed in the test resources' AutoConfiguration.imports, so it joins
 * every application context the tests start without changing how contexts are cached): records in
 * {@link IssuedSecrets} every API token the portal issues, every session id it hands out or changes
 * to, and the passwords the context is configured with.
 */
@AutoConfiguration
class IssuedSecretsRecorder {

    /** Passwords from the configuration: the demo users' and the database's. */
    @Bean
    SmartInitializingSingleton configuredPasswordsRecorder(Environment environment) {
        return () -> Stream.of("flatspace.demo.password", "spring.datasource.password")
                .map(environment::getProperty)
                .filter(p -> p != null && !p.isBlank())
                .forEach(IssuedSecrets.PASSWORDS::add);
    }

    @Bean
    IssuedTokens issuedTokens() {
        return new IssuedTokens();
    }

    @Bean
    SessionIds sessionIds() {
        return new SessionIds();
    }

    @Aspect
    static class IssuedTokens {

        @AfterReturning(pointcut = "execution(* org.flatspace.portal.api.token.ApiTokenService.create(..))",
                returning = "token")
        void record(CreatedApiToken token) {
            IssuedSecrets.API_TOKENS.add(token.secret());
        }
    }

    static class SessionIds implements HttpSessionListener, HttpSessionIdListener {

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            IssuedSecrets.SESSION_IDS.add(event.getSession().getId());
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            IssuedSecrets.SESSION_IDS.add(oldSessionId);
            IssuedSecrets.SESSION_IDS.add(event.getSession().getId());
        }
    }
}
