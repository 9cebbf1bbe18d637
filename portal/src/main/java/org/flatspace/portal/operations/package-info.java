/**
 * What operators watch: Actuator health (this node, and the pool's hosts as a group of their own)
 * and the {@code flatspace_*} Prometheus metrics (requests by status, placement time, pool use).
 * Who may see them is decided in {@code portal.security}.
 */
package org.flatspace.portal.operations;
