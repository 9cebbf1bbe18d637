/**
 * Personal API tokens: created and revoked by their owner in the portal, shown once, kept only as a
 * SHA-256 hash with an expiry. A call made with a token acts as its owner.
 */
package org.flatspace.portal.api.token;
