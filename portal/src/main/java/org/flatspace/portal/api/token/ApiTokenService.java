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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks personal API tokens. A token is {@value #PREFIX} followed by
 * 32 random bytes in base64url; only its SHA-256 hash is stored, so the database never holds a
 * usable secret. Each person sees and revokes only their own tokens.
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
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, Optional<Clock> clock) {
        this.tokens = tokens;
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

    /** The owner of a valid (known, unrevoked, unexpired) token; records its use. */
    public Optional<String> ownerOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiTokenRepository.Match> match = tokens.unrevokedByHash(hash(secret))
                .filter(m -> m.expiresAt().isAfter(now));
        match.ifPresent(m -> tokens.touch(m.id(), now));
        return match.map(ApiTokenRepository.Match::owner);
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
