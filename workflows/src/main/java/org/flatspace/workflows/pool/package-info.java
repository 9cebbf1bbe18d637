/**
 * The pool's periodic work as Camunda processes: timer jobs run once per cluster, whichever node
 * picks them up. host-health.bpmn checks every host on a configurable cycle.
 */
package org.flatspace.workflows.pool;
