package org.flatspace.portal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets the integration tests of this run handled, recorded as they were issued (by
 * {@link IssuedSecretsRecorder}, in every application context of the run) so that
 * {@link LogsHoldNoSecretsIT} can look for them in the run's log. Kept in memory only: writing them
 * anywhere would be the leak the check is about.
 */
final class IssuedSecrets {

    static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();
    static final Set<String> API_TOKENS = ConcurrentHashMap.newKeySet();
    static final Set<String> SESSION_IDS = ConcurrentHashMap.newKeySet();

    private IssuedSecrets() {
    }
}
