/** The admins' quota page: every team's limits and use, and changing them. */
package org.flatspace.portal.quota;
