/**
 * Choosing hosts for instances: a filter-and-weigh scheduler in the manner of OpenStack's filter
 * scheduler and Kubernetes' scheduler. Plain Java, data in and decision out, with no Spring, JPA or
 * libvirt inside, so it can be tested and benchmarked alone. Every refusal says which filter turned
 * how many hosts away.
 */
package org.flatspace.provisioning.placement;
