package org.flatspace.config.person;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.flatspace.config.InvalidInputException;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * People as administrators manage them: list and find, create with an initial password, change
 * roles and team, disable and enable again. Every field is checked here and a mistake comes back as
 * an {@link InvalidInputException} naming the field; every change is audited. An administrator
 * cannot take away their own ADMIN role or disable themselves, so that the platform is never left
 * without someone to run it by accident.
 *
 * <p>That the caller is an administrator is checked in front of this service (the admins' page is
 * for the ADMIN role only); {@code admin} is who is acting, for the rules above and the audit trail.
 */
@Service
@Transactional
public class PersonAdminService {

    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_EMAIL = 254;

    private final PersonRepository people;
    private final TeamService teams;
    private final AuditService audit;
    private final EntityManager entities;

    PersonAdminService(PersonRepository people, TeamService teams, AuditService audit, EntityManager entities) {
        this.people = people;
        this.teams = teams;
        this.audit = audit;
        this.entities = entities;
    }

    /**
     * People whose username, name or e-mail address contains {@code text} (any when blank), of one
     * team (any when null), by username, from {@code offset} on, at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<PersonAccount> find(String text, Long teamId, int offset, int limit) {
        TypedQuery<Person> query = entities.createQuery("select p from Person p" + where(teamId)
                + " order by p.username", Person.class);
        bind(query, text, teamId).setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, Math.min(limit, 500)));
        return query.getResultList().stream().map(Person::toAccount).toList();
    }

    @Transactional(readOnly = true)
    public long count(String text, Long teamId) {
        TypedQuery<Long> query = entities.createQuery("select count(p) from Person p" + where(teamId), Long.class);
        return bind(query, text, teamId).getSingleResult();
    }

    /** How many people each team has, by team id; teams without people are missing. */
    @Transactional(readOnly = true)
    public Map<Long, Long> headcounts() {
        return people.headcounts().stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    /**
     * Creates a person who can sign in at once with the initial password, which is checked against
     * {@link PasswordRules} and stored only as {@code hashPassword} turns it.
     */
    public PersonAccount create(String admin, NewPerson person, UnaryOperator<String> hashPassword) {
        Map<String, String> errors = new LinkedHashMap<>();
        String username = person.username() == null ? "" : person.username().strip();
        PersonRules.usernameProblem(username).ifPresent(p -> errors.put("username", p));
        if (!errors.containsKey("username") && people.findByUsername(username).isPresent()) {
            errors.put("username", "The username " + username + " is taken: choose another");
        }
        String displayName = person.displayName() == null ? "" : person.displayName().strip();
        if (displayName.isEmpty()) {
            errors.put("displayName", "Enter the name people know them by");
        } else if (displayName.length() > MAX_DISPLAY_NAME) {
            errors.put("displayName", "Keep the name under " + MAX_DISPLAY_NAME + " characters");
        }
        String email = person.email() == null || person.email().isBlank() ? null : person.email().strip();
        emailProblem(email).ifPresent(p -> errors.put("email", p));
        Optional<TeamInfo> team = team(person.teamId(), errors);
        Set<Role> roles = roles(person.roles(), errors);
        PasswordRules.problem(person.password(), username).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PersonAccount created = people.saveAndFlush(new Person(username, displayName, email,
                hashPassword.apply(person.password()), team.get().id(), roles)).toAccount();
        audit.record(admin, null, "person.create", object(username), AuditOutcome.SUCCESS,
                displayName + ", team " + team.get().name() + ", roles " + names(roles));
        return created;
    }

    /** Gives the person these roles and this team; audited as what changed. */
    public PersonAccount change(String admin, String username, Long teamId, Set<Role> roles) {
        Person person = existing(username);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<TeamInfo> team = team(teamId, errors);
        Set<Role> newRoles = roles(roles, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<Role> oldRoles = person.roles();
        if (isSelf(admin, person) && oldRoles.contains(Role.ADMIN) && !newRoles.contains(Role.ADMIN)) {
            audit.record(admin, null, "person.roles", object(username), AuditOutcome.DENIED,
                    "tried to remove their own ADMIN role");
            throw new InvalidInputException("roles",
                    "You cannot remove your own ADMIN role: ask another administrator to do it");
        }
        if (!oldRoles.equals(newRoles)) {
            person.changeRoles(newRoles);
            audit.record(admin, null, "person.roles", object(username), AuditOutcome.SUCCESS,
                    names(oldRoles) + " -> " + names(newRoles));
        }
        if (person.teamId() != team.get().id()) {
            String oldTeam = teams.team(person.teamId()).map(TeamInfo::name).orElse("team " + person.teamId());
            person.changeTeam(team.get().id());
            audit.record(admin, null, "person.team", object(username), AuditOutcome.SUCCESS,
                    oldTeam + " -> " + team.get().name());
        }
        return people.saveAndFlush(person).toAccount();
    }

    /** The person can no longer sign in or use their API tokens; nothing of theirs is removed. */
    public PersonAccount disable(String admin, String username) {
        Person person = existing(username);
        if (isSelf(admin, person)) {
            audit.record(admin, null, "person.disable", object(username), AuditOutcome.DENIED,
                    "tried to disable themselves");
            throw new InvalidInputException("enabled", "You cannot disable yourself: ask another administrator");
        }
        return enable(admin, person, false);
    }

    /** The person can sign in again. */
    public PersonAccount enable(String admin, String username) {
        return enable(admin, existing(username), true);
    }

    private PersonAccount enable(String admin, Person person, boolean enabled) {
        if (person.enabled() != enabled) {
            person.enable(enabled);
            audit.record(admin, null, enabled ? "person.enable" : "person.disable", object(person.username()),
                    AuditOutcome.SUCCESS, enabled ? "can sign in again" : "can no longer sign in or use API tokens");
        }
        return people.saveAndFlush(person).toAccount();
    }

    private Person existing(String username) {
        return people.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new InvalidInputException("username", "There is no person " + username));
    }

    private Optional<TeamInfo> team(Long teamId, Map<String, String> errors) {
        Optional<TeamInfo> team = teamId == null ? Optional.empty() : teams.team(teamId);
        if (team.isEmpty()) {
            errors.put("team", "Choose the person's team");
        }
        return team;
    }

    private static Set<Role> roles(Set<Role> roles, Map<String, String> errors) {
        if (roles == null || roles.isEmpty()) {
            errors.put("roles", "Give the person at least one role");
            return EnumSet.noneOf(Role.class);
        }
        return EnumSet.copyOf(roles);
    }

    private static Optional<String> emailProblem(String email) {
        if (email == null) {
            return Optional.empty();
        }
        if (email.length() > MAX_EMAIL) {
            return Optional.of("An e-mail address has at most " + MAX_EMAIL + " characters");
        }
        return PersonRules.emailProblem(email);
    }

    private static boolean isSelf(String admin, Person person) {
        return person.username().equals(admin);
    }

    private static String where(Long teamId) {
        return " where (lower(p.username) like :text escape '!' or lower(p.displayName) like :text escape '!'"
                + " or lower(coalesce(p.email, '')) like :text escape '!')"
                + (teamId == null ? "" : " and p.teamId = :teamId");
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String text, Long teamId) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        query.setParameter("text", "%" + needle + "%");
        if (teamId != null) {
            query.setParameter("teamId", teamId);
        }
        return query;
    }

    private static String object(String username) {
        return "person:" + username;
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }
}
