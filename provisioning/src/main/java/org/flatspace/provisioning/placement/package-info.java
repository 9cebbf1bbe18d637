/**
 * Choosing hosts for instances: plain Java, data in and decision out, with no Spring, JPA or
 * libvirt inside, so it can be tested and benchmarked alone.
 */
package org.flatspace.provisioning.placement;
