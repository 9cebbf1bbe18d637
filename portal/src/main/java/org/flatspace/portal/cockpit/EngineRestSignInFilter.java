package org.flatspace.portal.cockpit;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

import jakarta.servlet.FilterConfig;

/**
 * Runs every call of the engine's REST API as the person Spring Security signed in, so that what it
 * changes is attributed to them in Camunda's operation log.
 */
class EngineRestSignInFilter extends ProcessEngineAuthenticationFilter {

    EngineRestSignInFilter() {
        this.authenticationProvider = new PortalSignIn();
    }

    /** The provider is set in the constructor; the REST API's path is the servlet's own. */
    @Override
    public void init(FilterConfig filterConfig) {
    }
}
