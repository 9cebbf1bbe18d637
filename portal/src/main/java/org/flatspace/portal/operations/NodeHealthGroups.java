package org.flatspace.portal.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.stereotype.Component;

/**
 * Keeps the pool's hosts out of {@code /actuator/health}, which is this node's health (database,
 * Camunda, disk) and what a load balancer may read: a hypervisor that stops answering is the pool's
 * problem, and every portal node reporting DOWN for it would take the whole portal off the load
 * balancer. The hosts have their own group, {@code /actuator/health/pool}, DOWN when a host is.
 * Spring Boot's primary group has every contributor and no setting to leave one out, hence this.
 */
@Component
class NodeHealthGroups implements HealthEndpointGroupsPostProcessor {

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        groups.getNames().forEach(name -> named.put(name, groups.get(name)));
        return HealthEndpointGroups.of(new WithoutHosts(groups.getPrimary()), named);
    }

    static boolean isHost(String contributorName) {
        return contributorName.equals(HostsHealthContributor.NAME)
                || contributorName.startsWith(HostsHealthContributor.NAME + "/");
    }

    /** The primary group as configured, less the hosts. */
    private record WithoutHosts(HealthEndpointGroup primary) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return !isHost(name) && primary.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return primary.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return primary.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return primary.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return primary.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return primary.getAdditionalPath();
        }
    }
}
