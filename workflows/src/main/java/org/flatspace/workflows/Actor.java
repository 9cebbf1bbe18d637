package org.flatspace.workflows;

import java.util.Set;

import org.flatspace.config.person.Role;

/** Who is calling a workflow service: the signed-in person, their team and roles. */
public record Actor(String username, long teamId, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Team members ask for capacity: requesters, and managers for their own team. */
    public boolean mayRequest() {
        return is(Role.REQUESTER) || is(Role.MANAGER);
    }
}
