package org.flatspace.workflows.pool;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.provisioning.health.HostHealth;
import org.flatspace.provisioning.health.HostHealthService;
import org.flatspace.provisioning.host.HostState;
import org.springframework.stereotype.Component;

/** Checks every host of the pool once; the provisioning module decides what is DOWN. */
@Component
class CheckHostsDelegate implements JavaDelegate {

    private final HostHealthService health;

    CheckHostsDelegate(HostHealthService health) {
        this.health = health;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<HostHealth> hosts = health.checkAll();
        execution.setVariable(HostHealthVariables.HOSTS_CHECKED, hosts.size());
        execution.setVariable(HostHealthVariables.HOSTS_DOWN,
                hosts.stream().filter(h -> h.state() == HostState.DOWN).count());
    }
}
