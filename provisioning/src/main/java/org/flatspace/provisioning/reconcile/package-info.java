/**
 * Reconciliation: compares what the database says runs where with what the hosts report, reports
 * every difference to administrators and repairs the differences that are safe to repair.
 */
package org.flatspace.provisioning.reconcile;
