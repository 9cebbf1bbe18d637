/**
 * The audit trail, for administrators: every sign-in, every refusal and every change of quota,
 * policy, host state, approval or person, with who did it, their team, the object and the outcome.
 * Any module records through {@link org.flatspace.config.audit.AuditService}; records are never
 * changed or deleted here, and never hold passwords, tokens or session ids.
 */
package org.flatspace.config.audit;
