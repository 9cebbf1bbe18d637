/** Decisions through the API: the caller's inbox, approve, reject, reassign. */
package org.flatspace.portal.api.approval;
