package org.flatspace.portal.api.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.portal.audit.CurrentRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks personal API tokens. A token is {@value #PREFIX} followed by
 * 32 random bytes in base64url; only its SHA-256 hash is stored, so the database never holds a
 * usable secret. Each person sees and revokes only their own tokens. Every check of a token is
 * audited ({@code token.success}, or {@code token.failure} with why), never with the token.
 */
@Service
@Transactional
public class ApiTokenService {

    public static final String PREFIX = "fs_";
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_LIFETIME_DAYS = 366;

    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);
    private static final int SECRET_BYTES = 32;

    private final ApiTokenRepository tokens;
    private final PersonService people;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, PersonService people, AuditService audit, Optional<Clock> clock) {
        this.tokens = tokens;
        this.people = people;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /**
     * A new token for the owner, valid until the end of {@code expiresOn} (at most a year ahead).
     * The secret in the answer is the only copy.
     */
    public CreatedApiToken create(String owner, String name, LocalDate expiresOn) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "Name the token after the script or pipeline that uses it");
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.put("name", "Keep the name under " + MAX_NAME_LENGTH + " characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "Use a name on one line, without control characters");
        }
        if (expiresOn == null || !expiresOn.isAfter(today)) {
            errors.put("expiresOn", "Choose an expiry date after today");
        } else if (expiresOn.isAfter(today.plusYears(1))) {
            errors.put("expiresOn", "A token lasts at most a year (until " + today.plusYears(1) + ")");
        }
        if (!errors.isEmpty()) {
            throw new InvalidTokenException(errors);
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(zone()).toInstant();
        long id = tokens.insert(owner, name.strip(), hash(secret), now, expiresAt);
        log.info("API token {} ({}) created by {}, expires {}", id, name.strip(), owner, expiresOn);
        return new CreatedApiToken(new ApiTokenInfo(id, name.strip(), now, expiresAt, null), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenInfo> tokensOf(String owner) {
        return tokens.activeOf(owner);
    }

    /** Revokes one of the owner's tokens; another person's token id changes nothing. */
    public boolean revoke(String owner, long tokenId) {
        boolean revoked = tokens.revoke(tokenId, owner, clock.instant());
        if (revoked) {
            log.info("API token {} revoked by {}", tokenId, owner);
        }
        return revoked;
    }

    /**
     * The owner of a valid token (known, unrevoked, unexpired, and its owner not disabled); records
     * its use.
     */
    public Optional<String> ownerOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return refused(null, "not a Flatspace API token");
        }
        Instant now = clock.instant();
        Optional<ApiTokenRepository.Match> match = tokens.unrevokedByHash(hash(secret));
        if (match.isEmpty()) {
            return refused(null, "unknown or revoked token");
        }
        ApiTokenRepository.Match token = match.get();
        if (!token.expiresAt().isAfter(now)) {
            return refused(token.owner(), "token " + token.id() + " expired at " + token.expiresAt());
        }
        if (!people.account(token.owner()).map(PersonAccount::enabled).orElse(false)) {
            return refused(token.owner(), "token " + token.id() + " of a person who is disabled or gone");
        }
        tokens.touch(token.id(), now);
        audit.record(token.owner(), null, "token.success", "person:" + token.owner(), AuditOutcome.SUCCESS,
                "API token " + token.id() + CurrentRequest.line().map(line -> ": " + line).orElse(""));
        return Optional.of(token.owner());
    }

    private Optional<String> refused(String owner, String why) {
        audit.record(owner == null ? "unknown" : owner, null, "token.failure",
                owner == null ? null : "person:" + owner, AuditOutcome.DENIED,
                why + CurrentRequest.line().map(line -> ": " + line).orElse("")
                        + CurrentRequest.address().map(address -> " from " + address).orElse(""));
        return Optional.empty();
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
