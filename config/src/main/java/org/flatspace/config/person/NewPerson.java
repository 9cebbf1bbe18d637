package org.flatspace.config.person;

import java.util.Set;

/**
 * A person as an administrator enters them; {@link PersonAdminService#create} checks every field.
 *
 * @param email    optional: where notifications go
 * @param password the initial password, in clear text only until it is hashed
 */
public record NewPerson(String username, String displayName, String email, Long teamId, Set<Role> roles,
                        String password) {

    @Override
    public String toString() {
        return "NewPerson[" + username + ", team " + teamId + ", " + roles + "]";
    }
}
