/** The audit trail through the API, read-only and for administrators only, with the audit log page's filters. */
package org.flatspace.portal.api.audit;
