/**
 * Moving instances between hosts: one move at a time with the invariant that an instance runs on
 * exactly one host and the database says which ({@link org.flatspace.provisioning.migration.MigrationService}),
 * and plans of moves that administrators see before anything moves: evacuating a host for
 * maintenance, restarting HA instances after a host failure, rebalancing the pool
 * ({@link org.flatspace.provisioning.migration.MigrationPlanService}). Targets are chosen by the same
 * placement engine and rules as first placement.
 */
package org.flatspace.provisioning.migration;
