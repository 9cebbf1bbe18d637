package org.flatspace.provisioning.hypervisor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The port through which provisioning talks to hypervisor hosts. Every call names the host by its
 * libvirt URI. Every domain is keyed by the instance id (domain UUID = instance id), so repeated
 * calls never create a second VM.
 */
public interface Hypervisor {

    /**
     * Defines the domain if no domain with spec.id() exists on the host, then starts it unless it
     * already runs. Idempotent. Returns the state afterwards.
     */
    DomainState defineAndStart(String hostUri, DomainSpec spec);

    /** State of the domain with this UUID on the host, DomainState.NOT_FOUND if the host has none. */
    DomainState state(String hostUri, UUID domainId);

    /** Destroys (if running) and undefines the domain. Does nothing if it does not exist. Idempotent. */
    void destroyAndUndefine(String hostUri, UUID domainId);

    /**
     * Asks the guest to shut down and waits up to the timeout for it to stop; destroys it if it
     * has not. The domain stays defined. Idempotent. Returns the state afterwards: SHUT_OFF, or
     * NOT_FOUND if the host has no such domain.
     */
    DomainState shutdown(String hostUri, UUID domainId, Duration timeout);

    /** All domains the host has (defined or running), with their UUID, name and state. */
    List<DomainInfo> list(String hostUri);

    /**
     * What the host reports: CPU count, memory, hypervisor type, architecture, domain types. Always
     * tries to reach the host, even while other calls to it back off after failures.
     */
    HostFacts facts(String hostUri);

    /**
     * Moves the running domain to the target host while it keeps running: libvirt live
     * migration, the domain made persistent on the target and undefined on the source. Both hosts
     * run the same hypervisor type (the caller checks). Idempotent: a domain that already runs on
     * the target and is gone from the source returns at once. When it fails, libvirt leaves the
     * domain running on the source, and the exception says so.
     *
     * @throws HypervisorException if the migration fails or a host cannot be reached
     * @throws UnsupportedOperationException for hosts whose driver cannot migrate (libvirt's test
     *                                       driver): the caller moves those cold
     */
    LiveMigration migrateLive(String sourceUri, String targetUri, UUID domainId);
}
