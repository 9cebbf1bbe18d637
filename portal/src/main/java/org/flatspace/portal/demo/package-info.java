/**
 * The embedded demo (profile {@code demo}, on by default): demo teams, people, catalog and quotas,
 * and a pool of libvirt test-driver hosts described by XML files shipped with the portal.
 */
package org.flatspace.portal.demo;
