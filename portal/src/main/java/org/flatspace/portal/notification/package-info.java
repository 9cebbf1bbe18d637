/** A person's in-app notifications. */
package org.flatspace.portal.notification;
