package org.flatspace.provisioning.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.hypervisor.DomainInfo;
import org.flatspace.provisioning.hypervisor.DomainState;
import org.flatspace.provisioning.instance.InstanceState;
import org.flatspace.provisioning.instance.InstanceView;

/** One comparison of the database's instances with the domains the answering hosts listed. */
final class HostComparison {

    private final Map<Long, HostView> hosts = new HashMap<>();
    private final Map<UUID, InstanceView> expected;
    private final Map<Long, List<DomainInfo>> seen;
    private final Repair repair;

    HostComparison(List<HostView> hosts, Map<UUID, InstanceView> expected, Map<Long, List<DomainInfo>> seen,
                   Repair repair) {
        hosts.forEach(h -> this.hosts.put(h.id(), h));
        this.expected = expected;
        this.seen = seen;
        this.repair = repair;
    }

    List<Drift> drifts() {
        List<Drift> drifts = new ArrayList<>();
        Set<UUID> foundElsewhere = new HashSet<>();
        seen.forEach((hostId, domains) -> {
            for (DomainInfo domain : domains) {
                compare(hosts.get(hostId), domain, drifts, foundElsewhere);
            }
        });
        for (InstanceView instance : expected.values()) {
            if (isMissing(instance, foundElsewhere)) {
                drifts.add(missing(instance, hosts.get(instance.hostId())));
            }
        }
        return drifts;
    }

    private void compare(HostView host, DomainInfo domain, List<Drift> drifts, Set<UUID> foundElsewhere) {
        InstanceView instance = expected.get(domain.id());
        if (instance == null) {
            drifts.add(new Drift(DriftKind.UNKNOWN_DOMAIN, domain.id(), null, host.name(), null,
                    "domain '" + domain.name() + "' (" + domain.state() + ") is no instance of the pool", false));
        } else if (instance.hostId() != host.id()) {
            foundElsewhere.add(domain.id());
            drifts.add(new Drift(DriftKind.WRONG_HOST, domain.id(), instance.name(), host.name(),
                    instance.hostName(), "runs here (" + domain.state() + ") but the database has it on "
                    + instance.hostName(), false));
        } else if (instance.state() == InstanceState.RUNNING && domain.state() != DomainState.RUNNING) {
            drifts.add(wrongState(instance, host, domain.state()));
        }
    }

    /** On an answering host, RUNNING in the database, and neither there nor on another host. */
    private boolean isMissing(InstanceView instance, Set<UUID> foundElsewhere) {
        if (instance.state() != InstanceState.RUNNING || foundElsewhere.contains(instance.id())) {
            return false;
        }
        List<DomainInfo> domains = seen.get(instance.hostId());
        return domains != null && domains.stream().noneMatch(d -> d.id().equals(instance.id()));
    }

    private Drift wrongState(InstanceView instance, HostView host, DomainState actual) {
        boolean restartable = actual == DomainState.SHUT_OFF || actual == DomainState.CRASHED;
        boolean fixed = restartable && host.state() == HostState.ACTIVE && repair.start(instance, host);
        return new Drift(DriftKind.WRONG_STATE, instance.id(), instance.name(), host.name(), null,
                "RUNNING in the database, " + actual + " on the host", fixed);
    }

    private Drift missing(InstanceView instance, HostView host) {
        boolean fixed = host.state() == HostState.ACTIVE && repair.start(instance, host);
        return new Drift(DriftKind.MISSING_DOMAIN, instance.id(), instance.name(), host.name(), null,
                "RUNNING in the database, but the host has no such domain", fixed);
    }
}
