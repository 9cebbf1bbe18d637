package org.flatspace.config.person;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks people up for sign-in and lists a team's members. Creating people here is for seeding (the
 * demo, tests); administrators create and change people through {@link PersonAdminService}, which
 * checks every field and audits.
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

    /**
     * Stores a new hash of the person's password, made at sign-in when the stored one used a weaker
     * cost or another algorithm than the portal's encoder now does. The sign-in code calls it with
     * the password it has just checked; nothing else may.
     */
    @Transactional
    public Optional<PersonAccount> rehashPassword(String username, String newHash) {
        return people.findByUsername(username).map(person -> {
            person.rehash(newHash);
            return people.saveAndFlush(person).toAccount();
        });
    }

    public List<PersonAccount> membersOf(long teamId) {
        return people.findByTeamIdOrderByUsername(teamId).stream().map(Person::toAccount).toList();
    }

    /** The team's managers, who approve its requests; not those who were disabled. */
    public List<PersonAccount> managersOf(long teamId) {
        return membersOf(teamId).stream().filter(p -> p.enabled() && p.has(Role.MANAGER)).toList();
    }

    /** Everyone with the ADMIN role who was not disabled. */
    public List<PersonAccount> admins() {
        return people.findAll().stream().map(Person::toAccount).filter(p -> p.enabled() && p.has(Role.ADMIN))
                .toList();
    }

    @Transactional
    public PersonAccount create(String username, String displayName, String email, String passwordHash,
                                long teamId, Set<Role> roles) {
        PersonRules.usernameProblem(username).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A person needs at least one role");
        }
        if (email != null) {
            PersonRules.emailProblem(email).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        return people.save(new Person(username, displayName, email, passwordHash, teamId, roles)).toAccount();
    }
}
