package org.flatspace.config.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "service_tier")
class ServiceTier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "spread_fault_domains")
    private boolean spreadAcrossFaultDomains;

    @Column(name = "restart_on_host_failure")
    private boolean restartOnHostFailure;

    @Column(name = "live_migration")
    private boolean liveMigration;

    @Column(name = "max_cpu_overcommit")
    private double maxCpuOvercommit;

    protected ServiceTier() {
    }

    ServiceTier(String name, boolean spreadAcrossFaultDomains, boolean restartOnHostFailure, boolean liveMigration,
                double maxCpuOvercommit) {
        this.name = name;
        this.spreadAcrossFaultDomains = spreadAcrossFaultDomains;
        this.restartOnHostFailure = restartOnHostFailure;
        this.liveMigration = liveMigration;
        this.maxCpuOvercommit = maxCpuOvercommit;
    }

    TierInfo toInfo() {
        return new TierInfo(id, name, spreadAcrossFaultDomains, restartOnHostFailure, liveMigration,
                maxCpuOvercommit);
    }
}
