/**
 * Refusals of the workflow services, recorded in the audit trail in one place: every
 * {@link org.flatspace.workflows.NotAllowedException} a service throws at an actor, whoever called it
 * (a view, the REST API, a test); and the pool's own changes of host state, as the system's.
 * Successes and failures of people's actions are recorded by the services themselves, where the
 * detail is known.
 */
package org.flatspace.workflows.audit;
