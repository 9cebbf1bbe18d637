package org.flatspace.portal.api.quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.api.ApiNotFoundException;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.workflows.request.InvalidRequestException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

/**
 * Every team's quota for administrators, as on the Quotas page: read them, set one team's limits.
 * The limits are checked as the page checks them (whole numbers from 0 to 10,000,000, memory in
 * MiB); a limit below what the team uses is allowed (nothing running stops; new requests wait over
 * quota), and the answer says which resources are below use.
 */
@RestController
@RolesAllowed("ADMIN")
class QuotaAdminController {

    static final long MAX = 10_000_000;

    private final TeamService teams;
    private final QuotaService quotas;

    QuotaAdminController(TeamService teams, QuotaService quotas) {
        this.teams = teams;
        this.quotas = quotas;
    }

    /** A team's quota as administrators see it. */
    record TeamQuota(long teamId, String team, QuotaUsage usage, List<String> belowUse) {
    }

    /** New limits of a team; memory in MiB. */
    record Limits(Long vcpu, Long memoryMib, Long diskGib, Long instances) {
    }

    @GetMapping("/api/v1/teams/quotas")
    public List<TeamQuota> all() {
        return teams.teams().stream().map(t -> view(t, quotas.usage(t.id()))).toList();
    }

    @GetMapping("/api/v1/teams/{teamId}/quota")
    public TeamQuota one(@PathVariable long teamId) {
        TeamInfo team = team(teamId);
        return view(team, quotas.usage(teamId));
    }

    @PutMapping("/api/v1/teams/{teamId}/quota")
    public TeamQuota set(@AuthenticationPrincipal FlatspaceUser user, @PathVariable long teamId,
                         @RequestBody(required = false) Limits body) {
        TeamInfo team = team(teamId);
        Resources limits = checked(body);
        quotas.setLimits(user.getUsername(), teamId, limits);
        return view(team, quotas.usage(teamId));
    }

    private TeamInfo team(long teamId) {
        return teams.team(teamId).orElseThrow(() -> new ApiNotFoundException("No team " + teamId));
    }

    private static Resources checked(Limits body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null) {
            errors.put("body", "Send the limits as JSON: vcpu, memoryMib, diskGib, instances");
            throw new InvalidRequestException(errors);
        }
        check("vcpu", body.vcpu(), errors);
        check("memoryMib", body.memoryMib(), errors);
        check("diskGib", body.diskGib(), errors);
        check("instances", body.instances(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Resources(body.vcpu().intValue(), body.memoryMib(), body.diskGib(), body.instances().intValue());
    }

    private static void check(String field, Long value, Map<String, String> errors) {
        if (value == null || value < 0 || value > (field.equals("memoryMib") ? MAX * 1024 : MAX)) {
            errors.put(field, "Enter a whole number from 0 to " + (field.equals("memoryMib") ? "10,240,000,000 (MiB)"
                    : "10,000,000"));
        }
    }

    private static TeamQuota view(TeamInfo team, QuotaUsage usage) {
        Resources used = new Resources(usage.allocated().vcpu() + usage.reserved().vcpu(),
                usage.allocated().memoryMib() + usage.reserved().memoryMib(),
                usage.allocated().diskGib() + usage.reserved().diskGib(),
                usage.allocated().instances() + usage.reserved().instances());
        Resources limits = usage.limits();
        List<String> below = new java.util.ArrayList<>();
        if (limits.vcpu() < used.vcpu()) {
            below.add("vcpu");
        }
        if (limits.memoryMib() < used.memoryMib()) {
            below.add("memoryMib");
        }
        if (limits.diskGib() < used.diskGib()) {
            below.add("diskGib");
        }
        if (limits.instances() < used.instances()) {
            below.add("instances");
        }
        return new TeamQuota(team.id(), team.name(), usage, below);
    }
}
