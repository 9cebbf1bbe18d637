package org.flatspace.config.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "business_function")
class BusinessFunction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "team_id")
    private long teamId;

    private String name;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "tier_id")
    private ServiceTier tier;

    protected BusinessFunction() {
    }

    BusinessFunction(long teamId, String name, ServiceTier tier) {
        this.teamId = teamId;
        this.name = name;
        this.tier = tier;
    }

    FunctionInfo toInfo() {
        return new FunctionInfo(id, teamId, name, tier.toInfo());
    }
}
