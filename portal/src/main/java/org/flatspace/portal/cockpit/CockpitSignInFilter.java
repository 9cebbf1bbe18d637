package org.flatspace.portal.cockpit;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import jakarta.servlet.FilterConfig;

/**
 * Signs the portal's person in to Cockpit, Tasklist and Admin: Camunda's container-based
 * authentication, with Spring Security as the container ({@link PortalSignIn}).
 */
class CockpitSignInFilter extends ContainerBasedAuthenticationFilter {

    CockpitSignInFilter() {
        this.authenticationProvider = new PortalSignIn();
    }

    /** The provider is set in the constructor, not named in an init parameter. */
    @Override
    public void init(FilterConfig filterConfig) {
    }
}
