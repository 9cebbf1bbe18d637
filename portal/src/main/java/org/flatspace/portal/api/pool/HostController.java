package org.flatspace.portal.api.pool;

import java.util.List;

import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

/**
 * The hosts, for administrators, as on the Hosts page (guarded the same way, by role): teams never
 * see where their instances run.
 */
@RestController
@RolesAllowed("ADMIN")
class HostController {

    private final PoolService pool;

    HostController(PoolService pool) {
        this.pool = pool;
    }

    /** Public so that the method-security proxy sees it. */
    @GetMapping("/api/v1/hosts")
    public List<HostView> hosts() {
        return pool.hosts();
    }
}
