package org.flatspace.config.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param who    the username, {@value AuditService#SYSTEM} for the platform itself, or what someone typed
 *               as a username when signing in failed
 * @param team   the name of the team {@code who} belonged to at the time; null for the system and for
 *               unknown usernames
 * @param action a short code, e.g. {@code quota.set}, {@code host.drain}, {@code login.failure}
 * @param object what it was done to, e.g. {@code team:Payroll}, {@code host:demo-a1}, {@code request:42};
 *               null when nothing in particular
 * @param detail what people need to understand the line; never a password, token or session id
 */
public record AuditEntry(long id, Instant at, String who, String team, String action, String object,
                         AuditOutcome outcome, String detail) {
}
