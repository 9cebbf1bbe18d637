/**
 * The administrators' view of host health and reconciliation: what the last checks saw of every
 * host, a check on demand, and the differences between the database and the hosts.
 */
package org.flatspace.portal.health;
