package org.flatspace.portal.cockpit;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamService;
import org.springframework.stereotype.Component;

/**
 * Flatspace's people as Camunda's users, and the one group they map to: administrators are the
 * members of {@code camunda-admin}, Camunda's administrators' group. Read-only: people are managed
 * in Flatspace, and no password ever goes through Camunda.
 */
@Component
class People {

    private final PersonService people;
    private final TeamService teams;

    People(PersonService people, TeamService teams) {
        this.people = people;
        this.teams = teams;
    }

    Optional<User> user(String username) {
        return people.account(username).map(People::toUser);
    }

    /** Everyone, by username: every person belongs to a team. */
    List<User> users() {
        return teams.teams().stream().flatMap(t -> people.membersOf(t.id()).stream())
                .sorted(Comparator.comparing(PersonAccount::username)).map(People::toUser).toList();
    }

    List<User> membersOf(String groupId) {
        return Groups.CAMUNDA_ADMIN.equals(groupId) ? people.admins().stream().map(People::toUser).toList()
                : List.of();
    }

    List<Group> groups() {
        GroupEntity admins = new GroupEntity(Groups.CAMUNDA_ADMIN);
        admins.setName("Flatspace administrators");
        admins.setType(Groups.GROUP_TYPE_SYSTEM);
        return List.of(admins);
    }

    List<Group> groupsOf(String username) {
        return people.account(username).filter(p -> p.has(Role.ADMIN)).map(p -> groups()).orElse(List.of());
    }

    private static User toUser(PersonAccount person) {
        UserEntity user = new UserEntity(person.username());
        user.setFirstName(person.displayName());
        user.setLastName("");
        user.setEmail(person.email());
        return user;
    }
}
