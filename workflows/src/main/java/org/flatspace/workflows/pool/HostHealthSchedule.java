package org.flatspace.workflows.pool;

import org.flatspace.provisioning.health.HostHealthService;
import org.springframework.stereotype.Component;

/**
 * The cycle of host-health.bpmn's timer, from {@code flatspace.health.cycle}: the BPMN names this
 * bean ({@code ${hostHealthSchedule.cycle}}) because a BPMN file cannot read Spring properties.
 */
@Component("hostHealthSchedule")
public class HostHealthSchedule {

    private final HostHealthService health;

    HostHealthSchedule(HostHealthService health) {
        this.health = health;
    }

    public String getCycle() {
        return health.cycle();
    }
}
