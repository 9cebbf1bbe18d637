/**
 * Capacity requests: "N instances of size S for function F until date D, because ...", their
 * status and timeline, and the delegates of {@code capacity-request.bpmn} that reserve quota,
 * approve, provision and activate them.
 */
package org.flatspace.workflows.request;
