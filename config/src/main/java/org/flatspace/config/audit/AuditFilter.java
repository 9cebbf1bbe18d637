package org.flatspace.config.audit;

import java.time.Instant;

/**
 * What to look for in the audit trail; every part is optional (null or blank means any).
 *
 * @param who    usernames starting with this
 * @param team   exactly this team name
 * @param action action codes starting with this ({@code host.} finds every host action)
 * @param from   at or after this instant
 * @param to     before this instant
 * @param text   this text anywhere in the object or the detail, ignoring case
 */
public record AuditFilter(String who, String team, String action, AuditOutcome outcome, Instant from, Instant to,
                          String text) {

    /** Everything. */
    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public AuditFilter withWho(String value) {
        return new AuditFilter(value, team, action, outcome, from, to, text);
    }

    public AuditFilter withAction(String value) {
        return new AuditFilter(who, team, value, outcome, from, to, text);
    }

    public AuditFilter withOutcome(AuditOutcome value) {
        return new AuditFilter(who, team, action, value, from, to, text);
    }

    public AuditFilter withText(String value) {
        return new AuditFilter(who, team, action, outcome, from, to, value);
    }
}
