package org.flatspace.config.person;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks people up for sign-in and lists a team's members. Creating people is an administrator's
 * action (and the demo seeding's), checked by the caller in front of it.
 */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final PersonRepository people;

    PersonService(PersonRepository people) {
        this.people = people;
    }

    public Optional<PersonAccount> account(String username) {
        return people.findByUsername(username).map(Person::toAccount);
    }

    public List<PersonAccount> membersOf(long teamId) {
        return people.findByTeamIdOrderByUsername(teamId).stream().map(Person::toAccount).toList();
    }

    /** The team's managers, who approve its requests. */
    public List<PersonAccount> managersOf(long teamId) {
        return membersOf(teamId).stream().filter(p -> p.has(Role.MANAGER)).toList();
    }

    /** Everyone with the ADMIN role. */
    public List<PersonAccount> admins() {
        return people.findAll().stream().map(Person::toAccount).filter(p -> p.has(Role.ADMIN)).toList();
    }

    @Transactional
    public PersonAccount create(String username, String displayName, String email, String passwordHash,
                                long teamId, Set<Role> roles) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException(
                    "A username is 2-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A person needs at least one role");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("An e-mail address looks like name@example.com");
        }
        return people.save(new Person(username, displayName, email, passwordHash, teamId, roles)).toAccount();
    }
}
