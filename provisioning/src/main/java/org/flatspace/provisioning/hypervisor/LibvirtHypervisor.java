package org.flatspace.provisioning.hypervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Hypervisor} port on libvirt-java. Each call looks the domain up by UUID first, which
 * is what makes every call safe to repeat. Thread-safe: libvirt connections are.
 */
public class LibvirtHypervisor implements Hypervisor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LibvirtHypervisor.class);

    private final HostConnections connections;

    /** @throws LibvirtNotInstalledException if the native libvirt library cannot be loaded */
    public LibvirtHypervisor() {
        this(HostCredentials.NONE);
    }

    /**
     * With credentials for hosts that ask for a user name and password.
     *
     * @throws LibvirtNotInstalledException if the native libvirt library cannot be loaded
     */
    public LibvirtHypervisor(HostCredentials credentials) {
        this(NativeLibvirt.LIBRARY_NAME, credentials);
    }

    /** With another native library name, so that tests can see what happens when it is missing. */
    LibvirtHypervisor(String nativeLibraryName) {
        this(nativeLibraryName, HostCredentials.NONE);
    }

    private LibvirtHypervisor(String nativeLibraryName, HostCredentials credentials) {
        NativeLibvirt.require(nativeLibraryName);
        this.connections = new HostConnections(HostConnections.Settings.defaults(credentials));
    }

    /** Whether libvirt's native library loads here, so configuration can choose another adapter. */
    public static boolean nativeLibraryAvailable() {
        return NativeLibvirt.isLoadable(NativeLibvirt.LIBRARY_NAME);
    }

    @Override
    public DomainState defineAndStart(String hostUri, DomainSpec spec) {
        String xml = DomainXml.of(spec);
        return connections.call(hostUri, operation("defineAndStart", spec.id()), connect -> {
            Domain domain = find(connect, spec.id());
            if (domain == null) {
                domain = connect.domainDefineXML(xml);
                log.info("Defined domain {} ({}) on {}", spec.id(), spec.name(), hostUri);
            }
            try {
                startUnlessActive(domain);
                return LibvirtDomains.state(domain);
            } finally {
                LibvirtDomains.free(domain);
            }
        });
    }

    @Override
    public LiveMigration migrateLive(String sourceUri, String targetUri, UUID domainId) {
        if (isTestDriver(sourceUri) || isTestDriver(targetUri)) {
            throw new UnsupportedOperationException("libvirt's test driver cannot migrate (" + sourceUri + " -> "
                    + targetUri + "): move the domain cold");
        }
        long begin = System.nanoTime();
        String operation = operation("migrateLive", domainId) + " to " + targetUri;
        // The target is asked first, in a call of its own, so that a target that does not answer is
        // named as the host that failed. Once both answer, failures are the source's: its libvirt
        // runs the migration.
        return connections.call(targetUri, operation("migrateLive", domainId) + " from " + sourceUri, target -> {
            Domain onTarget = find(target, domainId);
            if (onTarget != null) {
                LibvirtDomains.free(onTarget);
            }
            return connections.call(sourceUri, operation,
                    source -> new LiveMigrator(source, sourceUri, target, targetUri, operation).migrate(domainId, begin));
        });
    }

    @Override
    public DomainState state(String hostUri, UUID domainId) {
        return connections.call(hostUri, operation("state", domainId), connect -> {
            Domain domain = find(connect, domainId);
            if (domain == null) {
                return DomainState.NOT_FOUND;
            }
            try {
                return LibvirtDomains.state(domain);
            } catch (LibvirtException e) {
                // Undefined between the lookup and this call.
                if (LibvirtDomains.isNoDomain(e)) {
                    return DomainState.NOT_FOUND;
                }
                throw e;
            } finally {
                LibvirtDomains.free(domain);
            }
        });
    }

    @Override
    public void destroyAndUndefine(String hostUri, UUID domainId) {
        connections.call(hostUri, operation("destroyAndUndefine", domainId), connect -> {
            Domain domain = find(connect, domainId);
            if (domain == null) {
                return null;
            }
            try {
                destroyAndUndefine(domain);
                log.info("Destroyed and undefined domain {} on {}", domainId, hostUri);
            } catch (LibvirtException e) {
                // Someone else removed it meanwhile: the outcome the caller wants.
                if (!LibvirtDomains.isNoDomain(e)) {
                    throw e;
                }
            } finally {
                LibvirtDomains.free(domain);
            }
            return null;
        });
    }

    @Override
    public DomainState shutdown(String hostUri, UUID domainId, Duration timeout) {
        return connections.call(hostUri, operation("shutdown", domainId), connect -> {
            Domain domain = find(connect, domainId);
            if (domain == null) {
                return DomainState.NOT_FOUND;
            }
            try {
                return GracefulShutdown.run(domain, timeout, hostUri);
            } finally {
                LibvirtDomains.free(domain);
            }
        });
    }

    @Override
    public List<DomainInfo> list(String hostUri) {
        return connections.call(hostUri, "list", connect -> {
            // libvirt-java 0.5.2 has no virConnectListAllDomains: running domains are listed by id,
            // inactive ones by name. Keyed by UUID because a domain may change sides in between.
            Map<UUID, DomainInfo> domains = new LinkedHashMap<>();
            for (int id : connect.listDomains()) {
                addInfo(domains, () -> connect.domainLookupByID(id));
            }
            for (String name : connect.listDefinedDomains()) {
                addInfo(domains, () -> connect.domainLookupByName(name));
            }
            return new ArrayList<>(domains.values());
        });
    }

    @Override
    public HostFacts facts(String hostUri) {
        // A probe: the health check must see a host come back even while calls to it back off.
        return connections.probe(hostUri, "facts", connect -> {
            NodeInfo node = connect.nodeInfo();
            Capabilities capabilities = Capabilities.read(connect.getCapabilities());
            return new HostFacts(node.cpus, node.memory, connect.getType(), capabilities.arch(),
                    capabilities.domainTypes());
        });
    }

    /** libvirt's own description of the domain, or empty if the host has none: to check what it stored. */
    Optional<String> describe(String hostUri, UUID domainId) {
        return connections.call(hostUri, operation("describe", domainId), connect -> {
            Domain domain = find(connect, domainId);
            if (domain == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(domain.getXMLDesc(0));
            } finally {
                LibvirtDomains.free(domain);
            }
        });
    }

    /** Closes every host connection; a later call opens a fresh one. */
    @Override
    public void close() {
        connections.close();
    }

    private static String operation(String name, UUID domainId) {
        return name + "(" + domainId + ")";
    }

    private static boolean isTestDriver(String hostUri) {
        String scheme = hostUri.substring(0, Math.max(hostUri.indexOf(':'), 0));
        return scheme.equals("test") || scheme.startsWith("test+");
    }

    private static Domain find(Connect connect, UUID domainId) throws LibvirtException {
        return LibvirtDomains.find(connect, domainId);
    }

    /** A paused domain counts as active and stays paused: someone paused it on purpose. */
    private static void startUnlessActive(Domain domain) throws LibvirtException {
        if (domain.isActive() == 1) {
            return;
        }
        try {
            domain.create();
        } catch (LibvirtException e) {
            // A concurrent call for the same instance started it first.
            if (domain.isActive() != 1) {
                throw e;
            }
        }
    }

    private static void destroyAndUndefine(Domain domain) throws LibvirtException {
        // Asked before destroying: a transient domain is gone once destroyed and cannot be asked.
        boolean persistent = domain.isPersistent() == 1;
        if (domain.isActive() == 1) {
            try {
                domain.destroy();
            } catch (LibvirtException e) {
                if (e.getError().getCode() != ErrorNumber.VIR_ERR_OPERATION_INVALID) {
                    throw e;
                }
                // "domain is not running": it stopped by itself in between.
            }
        }
        if (persistent) {
            domain.undefine();
        }
    }

    private static void addInfo(Map<UUID, DomainInfo> domains, LibvirtDomains.Lookup lookup)
            throws LibvirtException {
        LibvirtDomains.info(lookup).ifPresent(info -> domains.putIfAbsent(info.id(), info));
    }
}
