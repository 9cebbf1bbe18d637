/**
 * Host health: a check of every host that marks a host DOWN after repeated failures and ACTIVE
 * again when it answers, and keeps the last error and any capacity mismatch for administrators.
 * The schedule is not here: workflows runs the check from a Camunda timer, once per cluster.
 */
package org.flatspace.provisioning.health;
