/**
 * The pool: hosts, instances, placement and the hypervisor port with its libvirt adapter. Knows
 * nothing of teams' quotas, workflows or the user interface: callers pass what it needs.
 */
package org.flatspace.provisioning;
