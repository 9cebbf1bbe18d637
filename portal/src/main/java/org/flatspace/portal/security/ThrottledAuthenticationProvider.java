package org.flatspace.portal.security;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in with throttling: an account or an address with too many recent failures is
 * refused before its password is even checked, so guessing stays slow whatever the password.
 * Failures are logged with the account and address, never with the password.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        if (users instanceof UserDetailsPasswordService rehash) {
            // stored hashes weaker than the encoder's setting are replaced at their owner's sign-in
            this.passwords.setUserDetailsPasswordService(rehash);
        }
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<Instant> refused = throttle.refusedUntil(account, address);
        if (refused.isPresent()) {
            log.warn("Sign-in refused for account '{}' from {}: too many failures until {}", account, address,
                    refused.get());
            throw new LockedException("Too many failed sign-ins; try again after " + refused.get());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(account);
            return signedIn;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            log.info("Failed sign-in for account '{}' from {}", account, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
