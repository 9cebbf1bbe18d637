package org.flatspace.config.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It was allowed and it happened. */
    SUCCESS,
    /** The rules refused it: wrong credentials, role or team. */
    DENIED,
    /** It was allowed but did not happen: a wrong state, an error, a change rolled back. */
    FAILED
}
