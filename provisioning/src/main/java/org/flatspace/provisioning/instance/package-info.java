/**
 * Instances: the VMs that realise a team's capacity. Provisioning places them, defines and starts
 * them through the hypervisor port, and undoes all of it when any step fails. Every step is keyed
 * by the instance id, so a retried call never makes a second VM.
 */
package org.flatspace.provisioning.instance;
