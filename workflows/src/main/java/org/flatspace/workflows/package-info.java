/**
 * Capacity requests and the BPMN processes that carry them from the form to running VMs. Calls
 * the config and provisioning modules through their public services and maps one to the other.
 */
package org.flatspace.workflows;
