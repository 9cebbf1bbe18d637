package org.flatspace.provisioning.hypervisor;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live migration, driven by this client over its connections to both hosts (libvirt's
 * virDomainMigrate): no host needs to reach the other's libvirtd, only the other's QEMU. Looks at
 * both hosts first and again after a failure, which is what makes it safe to repeat: a domain
 * that already runs on the target is left alone.
 */
final class LiveMigrator {

    // libvirt's virDomainMigrateFlags; libvirt-java 0.5.2 keeps its copy package-private.
    private static final long VIR_MIGRATE_LIVE = 1L;
    private static final long VIR_MIGRATE_PERSIST_DEST = 1L << 3;
    private static final long VIR_MIGRATE_UNDEFINE_SOURCE = 1L << 4;
    /** Running all along, defined on the target afterwards, gone from the source. */
    private static final long FLAGS = VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE;

    private static final Logger log = LoggerFactory.getLogger(LiveMigrator.class);

    private final Connect source;
    private final Connect target;
    private final String sourceUri;
    private final String targetUri;
    private final String operation;

    LiveMigrator(Connect source, String sourceUri, Connect target, String targetUri, String operation) {
        this.source = source;
        this.target = target;
        this.sourceUri = sourceUri;
        this.targetUri = targetUri;
        this.operation = operation;
    }

    /**
     * @param begin System.nanoTime() when the caller began, so that took covers the whole call
     * @throws LibvirtException when a host cannot be asked (the caller's connection handling decides)
     * @throws HypervisorException when libvirt refuses or fails the migration
     */
    LiveMigration migrate(UUID domainId, long begin) throws LibvirtException {
        Domain domain = LibvirtDomains.find(source, domainId);
        if (domain == null) {
            return alreadyOnTarget(domainId, begin);
        }
        try {
            if (domain.isActive() != 1 && runsOnTarget(domainId)) {
                // An earlier migration moved it but did not get to undefine the source's copy.
                domain.undefine();
                log.info("Domain {} runs on {}; undefined the stopped copy left on {}", domainId, targetUri, sourceUri);
                return new LiveMigration(since(begin), Optional.empty());
            }
            return migrate(domain, domainId, begin);
        } finally {
            LibvirtDomains.free(domain);
        }
    }

    private LiveMigration migrate(Domain domain, UUID domainId, long begin) throws LibvirtException {
        Domain moved;
        try {
            moved = domain.migrate(target, FLAGS, null, null, 0);
        } catch (LibvirtException e) {
            Optional<DomainState> onSource = stateOn(source, domainId);
            if (onSource.isEmpty() && runsOnTarget(domainId)) {
                // A concurrent call for the same domain moved it first.
                return new LiveMigration(since(begin), Optional.empty());
            }
            throw failed(domainId, onSource, e);
        }
        try {
            LiveMigration done = new LiveMigration(since(begin), CompletedJobStats.downtime(moved));
            log.info("Domain {} migrated live from {} to {} in {} ms (downtime {} ms)", domainId, sourceUri,
                    targetUri, done.took().toMillis(), done.downtime().map(Duration::toMillis).orElse(null));
            return done;
        } finally {
            LibvirtDomains.free(moved);
        }
    }

    private LiveMigration alreadyOnTarget(UUID domainId, long begin) throws LibvirtException {
        if (!runsOnTarget(domainId)) {
            throw new HypervisorException(sourceUri, operation,
                    new IllegalStateException("no domain " + domainId + " on the source, and none runs on the target"));
        }
        log.debug("Domain {} already runs on {} and is gone from {}", domainId, targetUri, sourceUri);
        return new LiveMigration(since(begin), Optional.empty());
    }

    /** libvirt's reason, and where the domain is now: what the caller needs to know to go on. */
    private HypervisorException failed(UUID domainId, Optional<DomainState> onSource, LibvirtException e) {
        String where = onSource.map(state -> "the domain is still " + state + " on the source")
                .orElse("the domain is gone from the source and does not run on the target");
        log.warn("Live migration of {} from {} to {} failed ({}): {}", domainId, sourceUri, targetUri, where,
                e.getMessage());
        return new HypervisorException(sourceUri, operation, new IllegalStateException(e.getMessage() + "; " + where, e));
    }

    /** The domain's state on that host, empty if the host has none. */
    private static Optional<DomainState> stateOn(Connect connect, UUID domainId) throws LibvirtException {
        Domain domain = LibvirtDomains.find(connect, domainId);
        if (domain == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LibvirtDomains.state(domain));
        } catch (LibvirtException e) {
            if (LibvirtDomains.isNoDomain(e)) {
                return Optional.empty();
            }
            throw e;
        } finally {
            LibvirtDomains.free(domain);
        }
    }

    private boolean runsOnTarget(UUID domainId) throws LibvirtException {
        Domain domain = LibvirtDomains.find(target, domainId);
        if (domain == null) {
            return false;
        }
        try {
            return domain.isActive() == 1;
        } finally {
            LibvirtDomains.free(domain);
        }
    }

    private static Duration since(long begin) {
        return Duration.ofNanos(System.nanoTime() - begin);
    }
}
