/**
 * The port to libvirt hypervisor hosts ({@link org.flatspace.provisioning.hypervisor.Hypervisor})
 * and its one adapter. Domains are keyed by instance id, so every call is safe to repeat.
 */
package org.flatspace.provisioning.hypervisor;
