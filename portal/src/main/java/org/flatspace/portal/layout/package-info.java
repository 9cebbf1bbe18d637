/** The frame around every view: sign-in page, navigation by role, the user and team, sign-out. */
package org.flatspace.portal.layout;
