package org.flatspace.provisioning.hypervisor;

import java.util.Optional;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading libvirt-java domain handles into this package's types, and the quirks that takes. */
final class LibvirtDomains {

    /** A domain lookup that may find nothing. */
    @FunctionalInterface
    interface Lookup {
        Domain find() throws LibvirtException;
    }

    private static final Logger log = LoggerFactory.getLogger(LibvirtDomains.class);

    private LibvirtDomains() {
    }

    static boolean isNoDomain(LibvirtException e) {
        Error error = e.getError();
        return error != null && error.getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    /** The domain with this UUID on the host, or null if it has none. */
    static Domain find(Connect connect, UUID domainId) throws LibvirtException {
        try {
            return connect.domainLookupByUUID(domainId);
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return null;
            }
            throw e;
        }
    }

    static DomainState state(Domain domain) throws LibvirtException {
        try {
            return switch (domain.getInfo().state) {
                case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> DomainState.RUNNING;
                case VIR_DOMAIN_PAUSED -> DomainState.PAUSED;
                case VIR_DOMAIN_SHUTOFF -> DomainState.SHUT_OFF;
                case VIR_DOMAIN_CRASHED -> DomainState.CRASHED;
                case VIR_DOMAIN_NOSTATE, VIR_DOMAIN_SHUTDOWN -> DomainState.OTHER;
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            // libvirt-java 0.5.2 indexes its enum with the native state, which has no entry for
            // states libvirt added later (PMSUSPENDED = 7).
            return DomainState.OTHER;
        }
    }

    /** The domain's info, or empty if it vanished between listing and lookup. */
    static Optional<DomainInfo> info(Lookup lookup) throws LibvirtException {
        Domain domain;
        try {
            domain = lookup.find();
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return Optional.of(new DomainInfo(UUID.fromString(domain.getUUIDString()), domain.getName(), state(domain)));
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return Optional.empty();
            }
            throw e;
        } finally {
            free(domain);
        }
    }

    /** Frees the native handle now rather than whenever the finalizer runs. */
    static void free(Domain domain) {
        try {
            domain.free();
        } catch (LibvirtException e) {
            log.debug("Freeing a domain handle failed: {}", e.getMessage());
        }
    }
}
