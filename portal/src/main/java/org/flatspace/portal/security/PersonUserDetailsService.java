package org.flatspace.portal.security;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks people up in config for sign-in; a person an administrator disabled is not found. After a
 * successful sign-in whose stored hash is weaker than the encoder's current setting (a lower bcrypt
 * cost, another algorithm), Spring Security hands the password, hashed anew, to {@link
 * #updatePassword}, which stores it: raising {@code flatspace.security.password.bcrypt-cost}
 * strengthens each stored hash at its owner's next sign-in.
 */
@Service
class PersonUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final PersonService people;

    PersonUserDetailsService(PersonService people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return people.account(username).filter(PersonAccount::enabled).map(FlatspaceUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        return people.rehashPassword(user.getUsername(), newPasswordHash).<UserDetails>map(FlatspaceUser::new)
                .orElse(user);
    }
}
