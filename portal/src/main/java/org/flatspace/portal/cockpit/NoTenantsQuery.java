package org.flatspace.portal.cockpit;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Flatspace runs Camunda without tenants: teams are Flatspace's business, not the engine's. */
class NoTenantsQuery extends TenantQueryImpl {

    NoTenantsQuery() {
    }

    NoTenantsQuery(CommandExecutor executor) {
        super(executor);
    }

    @Override
    public long executeCount(CommandContext context) {
        return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext context, Page page) {
        return List.of();
    }
}
