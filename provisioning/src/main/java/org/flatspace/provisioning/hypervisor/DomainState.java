package org.flatspace.provisioning.hypervisor;

/** The state of a domain as far as provisioning cares; NOT_FOUND when the host has no such domain. */
public enum DomainState {
    RUNNING, PAUSED, SHUT_OFF, CRASHED, OTHER, NOT_FOUND
}
