package org.flatspace.portal.security;

import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** The signed-in person, for views. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /** The signed-in user; views are only reachable signed in, so absence is a programming error. */
    public FlatspaceUser get() {
        return authentication.getAuthenticatedUser(FlatspaceUser.class)
                .orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    public void signOut() {
        authentication.logout();
    }
}
