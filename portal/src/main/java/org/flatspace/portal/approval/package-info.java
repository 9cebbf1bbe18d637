/** The managers' and admins' inbox: decide on capacity requests and lease extensions. */
package org.flatspace.portal.approval;
