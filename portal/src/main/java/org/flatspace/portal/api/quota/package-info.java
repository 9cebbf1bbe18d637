/** Quotas of every team through the API, for administrators: read them, and set a team's limits. */
package org.flatspace.portal.api.quota;
