package org.flatspace.portal.security;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks people up in config for sign-in; a person an administrator disabled is not found. */
@Service
class PersonUserDetailsService implements UserDetailsService {

    private final PersonService people;

    PersonUserDetailsService(PersonService people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return people.account(username).filter(PersonAccount::enabled).map(FlatspaceUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
