package org.flatspace.workflows.pool;

/** The variables of host-health.bpmn. */
final class HostHealthVariables {

    /** How many hosts the run checked. */
    static final String HOSTS_CHECKED = "hostsChecked";
    /** How many hosts were DOWN after the run. */
    static final String HOSTS_DOWN = "hostsDown";

    private HostHealthVariables() {
    }
}
