package org.flatspace.portal.api.token;

import java.time.Instant;

/** A token as its owner sees it in the list: never the secret. */
public record ApiTokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
