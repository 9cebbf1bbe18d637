package org.flatspace.portal.api.token;

/** A new token with its secret, which is shown to the owner this once and never stored. */
public record CreatedApiToken(ApiTokenInfo info, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + info + "]";
    }
}
