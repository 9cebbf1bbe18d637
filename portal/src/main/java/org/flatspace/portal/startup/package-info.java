/** Checks made before and while Flatspace starts: native libvirt, the database's isolation level. */
package org.flatspace.portal.startup;
