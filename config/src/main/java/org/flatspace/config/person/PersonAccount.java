package org.flatspace.config.person;

import java.util.Set;

/**
 * A person as the rest of Flatspace sees them; the password hash is there for sign-in only, the
 * e-mail address (may be null) for notifications. A person who is not {@code enabled} was disabled by
 * an administrator and may not sign in.
 */
public record PersonAccount(long id, String username, String displayName, String email, String passwordHash,
                            long teamId, Set<Role> roles, boolean enabled) {

    public PersonAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "PersonAccount[" + username + ", team " + teamId + ", " + roles + (enabled ? "" : ", disabled") + "]";
    }
}
