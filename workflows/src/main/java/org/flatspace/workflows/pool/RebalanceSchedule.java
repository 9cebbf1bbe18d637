package org.flatspace.workflows.pool;

import org.springframework.stereotype.Component;

/**
 * What pool-rebalance.bpmn reads of {@code flatspace.pool.rebalance} ({@code ${rebalanceSchedule.cycle}},
 * {@code ${rebalanceSchedule.automatic}}): a BPMN file cannot read Spring properties.
 */
@Component("rebalanceSchedule")
public class RebalanceSchedule {

    private final PoolProperties properties;

    RebalanceSchedule(PoolProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.rebalance().cycle();
    }

    public boolean isAutomatic() {
        return properties.rebalance().automatic();
    }
}
