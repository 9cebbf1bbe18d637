package org.flatspace.config.catalog;

/**
 * A service tier: whether instances are spread across fault domains, restarted after a host
 * failure, may be live-migrated, and how much CPU overcommit they accept.
 */
public record TierInfo(long id, String name, boolean spreadAcrossFaultDomains, boolean restartOnHostFailure,
                       boolean liveMigration, double maxCpuOvercommit) {
}
