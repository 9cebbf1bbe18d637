package org.flatspace.portal.api.catalog;

import java.util.List;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.portal.security.FlatspaceUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sizes and tiers (the same for everyone), and the caller's own team's functions and quota. */
@RestController
@RequestMapping("/api/v1")
class CatalogController {

    private final CatalogService catalog;
    private final QuotaService quotas;

    CatalogController(CatalogService catalog, QuotaService quotas) {
        this.catalog = catalog;
        this.quotas = quotas;
    }

    @GetMapping("/functions")
    List<FunctionInfo> functions(@AuthenticationPrincipal FlatspaceUser user) {
        return catalog.functionsOf(user.teamId());
    }

    @GetMapping("/sizes")
    List<SizeInfo> sizes() {
        return catalog.sizes();
    }

    @GetMapping("/tiers")
    List<TierInfo> tiers() {
        return catalog.tiers();
    }

    /** The team's limits, and what is allocated and reserved against them. */
    @GetMapping("/quota")
    QuotaUsage quota(@AuthenticationPrincipal FlatspaceUser user) {
        return quotas.usage(user.teamId());
    }
}
