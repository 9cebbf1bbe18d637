/**
 * The audit trail in the portal: what the portal itself decides is recorded here (sign-ins,
 * refusals by Spring Security's role checks and by Vaadin's view access), and admins read the
 * whole trail on the audit log page. The trail itself is config's {@code AuditService}.
 */
package org.flatspace.portal.audit;
