package org.flatspace.provisioning.migration;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.flatspace.provisioning.hypervisor.DomainInfo;
import org.flatspace.provisioning.hypervisor.DomainSpec;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.hypervisor.HostFacts;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.flatspace.provisioning.hypervisor.HypervisorException;
import org.flatspace.provisioning.hypervisor.LiveMigration;

/**
 * The real adapter with a fault injected at one phase of a move, the way the host would fail
 * there: before anything happens, or after libvirt did its part (a start that left the domain
 * defined but not running, a connection lost after the domain started).
 */
class FaultyHypervisor implements Hypervisor {

    enum Phase {
        /** The source does not answer when the guest is asked to shut down: it keeps running there. */
        SHUTDOWN_ON_SOURCE,
        /** The target refuses the definition. */
        DEFINE_ON_TARGET,
        /** The target defines the domain but it does not start. */
        START_ON_TARGET,
        /** The domain runs on the target, the source does not answer when its copy is undefined. */
        UNDEFINE_ON_SOURCE,
        /** The domain started on the target, then the connection to the target was lost. */
        TARGET_LOST_AFTER_START
    }

    private final Hypervisor real;
    private final Phase phase;
    private final String sourceUri;
    private final String targetUri;
    /** Hosts that do not answer at all until healed. */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    FaultyHypervisor(Hypervisor real, Phase phase, String sourceUri, String targetUri) {
        this.real = real;
        this.phase = phase;
        this.sourceUri = sourceUri;
        this.targetUri = targetUri;
    }

    void heal() {
        unreachable.clear();
    }

    @Override
    public DomainState defineAndStart(String hostUri, DomainSpec spec) {
        reachable(hostUri);
        if (hostUri.equals(targetUri) && phase == Phase.DEFINE_ON_TARGET) {
            throw fault(hostUri, "defineAndStart", "refused the definition");
        }
        DomainState state = real.defineAndStart(hostUri, spec);
        if (hostUri.equals(targetUri) && phase == Phase.START_ON_TARGET) {
            real.shutdown(hostUri, spec.id(), Duration.ZERO);
            throw fault(hostUri, "defineAndStart", "the domain did not start");
        }
        if (hostUri.equals(targetUri) && phase == Phase.TARGET_LOST_AFTER_START) {
            unreachable.add(hostUri);
            throw fault(hostUri, "defineAndStart", "connection lost");
        }
        return state;
    }

    @Override
    public DomainState state(String hostUri, UUID domainId) {
        reachable(hostUri);
        return real.state(hostUri, domainId);
    }

    @Override
    public void destroyAndUndefine(String hostUri, UUID domainId) {
        reachable(hostUri);
        if (hostUri.equals(sourceUri) && phase == Phase.UNDEFINE_ON_SOURCE) {
            throw fault(hostUri, "destroyAndUndefine", "no answer");
        }
        real.destroyAndUndefine(hostUri, domainId);
    }

    @Override
    public DomainState shutdown(String hostUri, UUID domainId, Duration timeout) {
        reachable(hostUri);
        if (hostUri.equals(sourceUri) && phase == Phase.SHUTDOWN_ON_SOURCE) {
            throw fault(hostUri, "shutdown", "no answer");
        }
        return real.shutdown(hostUri, domainId, timeout);
    }

    @Override
    public List<DomainInfo> list(String hostUri) {
        reachable(hostUri);
        return real.list(hostUri);
    }

    @Override
    public HostFacts facts(String hostUri) {
        reachable(hostUri);
        return real.facts(hostUri);
    }

    @Override
    public LiveMigration migrateLive(String sourceUri, String targetUri, UUID domainId) {
        return real.migrateLive(sourceUri, targetUri, domainId);
    }

    private void reachable(String hostUri) {
        if (unreachable.contains(hostUri)) {
            throw fault(hostUri, "call", "does not answer");
        }
    }

    private static HypervisorException fault(String hostUri, String operation, String what) {
        return new HypervisorException(hostUri, operation, new IllegalStateException("injected: " + what));
    }
}
