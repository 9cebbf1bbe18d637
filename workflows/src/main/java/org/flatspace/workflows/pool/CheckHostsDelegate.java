package org.flatspace.workflows.pool;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.provisioning.health.HostHealth;
import org.flatspace.provisioning.health.HostHealthService;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.PoolService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every host of the pool once; the provisioning module decides what is DOWN. A host that
 * went DOWN gets a host-failure process (fencing, then HA restarts); one that answers again while
 * its process still waits for fencing ends that process.
 */
@Component
class CheckHostsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckHostsDelegate.class);

    private final HostHealthService health;
    private final RuntimeService runtime;
    private final PoolService pool;

    CheckHostsDelegate(HostHealthService health, RuntimeService runtime, PoolService pool) {
        this.health = health;
        this.runtime = runtime;
        this.pool = pool;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<HostHealth> hosts = health.checkAll();
        execution.setVariable(HostHealthVariables.HOSTS_CHECKED, hosts.size());
        // states as the check left them (the report may show what the job's transaction loaded before)
        Map<Long, HostState> states = pool.states();
        execution.setVariable(HostHealthVariables.HOSTS_DOWN,
                states.values().stream().filter(s -> s == HostState.DOWN).count());
        for (HostHealth host : hosts) {
            String key = PlanVariables.businessKey(host.hostId());
            HostState state = states.getOrDefault(host.hostId(), host.state());
            boolean hasProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0;
            if (state == HostState.DOWN && !hasProcess) {
                runtime.startProcessInstanceByKey(PlanVariables.FAILURE_PROCESS, key,
                        Map.of(PlanVariables.HOST_ID, host.hostId(), PlanVariables.REQUESTED_BY, "health check"));
                log.warn("Host {} is down: waiting for it to be fenced before its HA instances restart", host.hostName());
            } else if (state != HostState.DOWN && hasProcess) {
                runtime.createMessageCorrelation(PlanVariables.MESSAGE_HOST_ANSWERS).processInstanceBusinessKey(key)
                        .correlateAll();
            }
        }
    }
}
