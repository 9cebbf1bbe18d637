package org.flatspace.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per address in the database, so that every portal node
 * sees the same counts, and says when an account or an address has had too many. The counting is
 * one conditional UPDATE (or the first INSERT), never read-then-write.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Until when sign-in is refused for this account or address; empty when it is allowed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    Optional<Instant> refusedUntil(String account, String address) {
        Optional<Instant> byAccount = blockedUntil(accountKey(account), properties.maxFailuresPerAccount());
        return byAccount.isPresent() ? byAccount
                : blockedUntil(addressKey(address), properties.maxFailuresPerAddress());
    }

    void failed(String account, String address) {
        count(accountKey(account));
        count(addressKey(address));
    }

    /** A successful sign-in clears the account's count (not the address's). */
    void succeeded(String account) {
        jdbc.sql("delete from login_failure where throttle_key = :key").param("key", accountKey(account)).update();
    }

    private Optional<Instant> blockedUntil(String key, int limit) {
        Instant cutoff = clock.instant().minus(properties.window());
        return jdbc.sql("select failures, window_start from login_failure where throttle_key = :key")
                .param("key", key)
                .query((rs, n) -> rs.getInt("failures") >= limit
                        && rs.getTimestamp("window_start").toInstant().isAfter(cutoff)
                        ? rs.getTimestamp("window_start").toInstant().plus(properties.window()) : null)
                .optional();
    }

    private void count(String key) {
        Instant now = clock.instant();
        Timestamp cutoff = Timestamp.from(now.minus(properties.window()));
        String update = """
                update login_failure
                set failures = case when window_start < :cutoff then 1 else failures + 1 end,
                    window_start = case when window_start < :cutoff then :now else window_start end
                where throttle_key = :key""";
        if (jdbc.sql(update).param("cutoff", cutoff).param("now", Timestamp.from(now)).param("key", key)
                .update() == 1) {
            return;
        }
        try {
            jdbc.sql("insert into login_failure (throttle_key, failures, window_start) values (:key, 1, :now)")
                    .param("key", key).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql(update).param("cutoff", cutoff).param("now", Timestamp.from(now)).param("key", key).update();
        }
    }

    private static String accountKey(String account) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
