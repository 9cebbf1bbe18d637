/** The admins' page for the approval policy: its versions, download, and replacement by upload. */
package org.flatspace.portal.policy;
