package org.flatspace.provisioning.rebalance;

/** The most migrations a plan may hold (a Timefold problem fact). */
record MigrationBudget(int maxMigrations) {
}
