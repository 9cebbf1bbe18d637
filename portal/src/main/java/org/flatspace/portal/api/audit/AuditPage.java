package org.flatspace.portal.api.audit;

import java.util.List;

import org.flatspace.config.audit.AuditEntry;

/**
 * One page of the audit trail, newest first.
 *
 * @param page  which page this is, from 0
 * @param total how many entries match the filters, on every page
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
}
