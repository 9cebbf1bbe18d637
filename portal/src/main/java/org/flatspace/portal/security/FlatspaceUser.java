package org.flatspace.portal.security;

import java.util.Set;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.Role;
import org.flatspace.workflows.Actor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in person: Spring Security's user with the team and display name Flatspace needs. */
public class FlatspaceUser extends User {

    private final long teamId;
    private final String displayName;
    private final Set<Role> roles;

    FlatspaceUser(PersonAccount account) {
        super(account.username(), account.passwordHash(),
                account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.teamId = account.teamId();
        this.displayName = account.displayName();
        this.roles = account.roles();
    }

    public long teamId() {
        return teamId;
    }

    public String displayName() {
        return displayName;
    }

    /** The roles the person had when signing in. */
    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Actor toActor() {
        return new Actor(getUsername(), teamId, roles);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
