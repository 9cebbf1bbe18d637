/** The admins' what-if: could the pool take this capacity now, and where would it go. */
package org.flatspace.portal.placement;
