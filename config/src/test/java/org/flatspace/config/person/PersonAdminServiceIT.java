package org.flatspace.config.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.flatspace.config.InvalidInputException;
import org.flatspace.config.audit.AuditEntry;
import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PersonAdminServiceIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final UnaryOperator<String> HASH = p -> "{test}" + new StringBuilder(p).reverse();

    @Autowired
    PersonAdminService admin;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    AuditService audit;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private TeamInfo team;
    private TeamInfo otherTeam;
    private String ada;

    @BeforeEach
    void anAdminAndTwoTeams() {
        team = teams.create("people-" + suffix);
        otherTeam = teams.create("others-" + suffix);
        ada = "ada-" + suffix;
        people.create(ada, "Ada Admin", null, "{noop}x", team.id(), EnumSet.of(Role.ADMIN));
    }

    @Test
    void createdPerson_hasTheHashedPassword_andTheCreationIsAudited() {
        PersonAccount bob = admin.create(ada, newPerson("bob-" + suffix, "bob@example.org", PASSWORD), HASH);

        assertThat(people.account(bob.username())).hasValueSatisfying(p -> {
            assertThat(p.passwordHash()).isEqualTo(HASH.apply(PASSWORD)).doesNotContain(PASSWORD);
            assertThat(p.teamId()).isEqualTo(team.id());
            assertThat(p.roles()).containsExactly(Role.REQUESTER);
            assertThat(p.enabled()).isTrue();
        });
        assertThat(audited("person:" + bob.username())).singleElement().satisfies(e -> {
            assertThat(e.who()).isEqualTo(ada);
            assertThat(e.team()).isEqualTo(team.name());
            assertThat(e.action()).isEqualTo("person.create");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.detail()).contains("Bob Builder", team.name(), "REQUESTER").doesNotContain(PASSWORD);
        });
    }

    @Test
    void wrongFields_areEachNamed_andNothingIsCreated() {
        NewPerson wrong = new NewPerson("Bob Builder", " ", "bob-at-example", null, Set.of(), "short");

        assertThatThrownBy(() -> admin.create(ada, wrong, HASH)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("username", "displayName", "email", "team", "roles",
                        "password"));
        assertThat(people.account("Bob Builder")).isEmpty();
    }

    @Test
    void takenUsername_andAPasswordBuiltOnTheUsername_areRefusedNextToTheirFields() {
        String carol = "carol-" + suffix;
        admin.create(ada, newPerson(carol, null, PASSWORD), HASH);

        assertThatThrownBy(() -> admin.create(ada, newPerson(carol, null, PASSWORD), HASH))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("username").extractingByKey("username").asString().contains("taken"));
        String dave = "dave-" + suffix;
        assertThatThrownBy(() -> admin.create(ada, newPerson(dave, null, dave + "-password"), HASH))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("password"));
        assertThatThrownBy(() -> admin.create(ada, newPerson("erin-" + suffix, null, "x".repeat(129)), HASH))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void changingRolesAndTeam_isAuditedAsWhatChanged() {
        String bob = admin.create(ada, newPerson("bob-" + suffix, null, PASSWORD), HASH).username();

        PersonAccount changed = admin.change(ada, bob, otherTeam.id(), EnumSet.of(Role.REQUESTER, Role.MANAGER));

        assertThat(changed.teamId()).isEqualTo(otherTeam.id());
        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.MANAGER);
        assertThat(people.managersOf(otherTeam.id())).extracting(PersonAccount::username).containsExactly(bob);
        assertThat(audited("person:" + bob)).extracting(AuditEntry::action, AuditEntry::detail).contains(
                tuple("person.roles", "REQUESTER -> REQUESTER, MANAGER"),
                tuple("person.team", team.name() + " -> " + otherTeam.name()));
    }

    @Test
    void anAdmin_cannotRemoveTheirOwnAdminRole_norDisableThemselves_andTheAttemptIsAudited() {
        assertThatThrownBy(() -> admin.change(ada, ada, team.id(), EnumSet.of(Role.MANAGER)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("roles"));
        assertThatThrownBy(() -> admin.disable(ada, ada)).isInstanceOf(InvalidInputException.class);

        PersonAccount still = people.account(ada).orElseThrow();
        assertThat(still.roles()).contains(Role.ADMIN);
        assertThat(still.enabled()).isTrue();
        assertThat(audited("person:" + ada)).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                tuple("person.disable", AuditOutcome.DENIED),
                tuple("person.roles", AuditOutcome.DENIED));
        assertThat(admin.change(ada, ada, otherTeam.id(), EnumSet.of(Role.ADMIN, Role.MANAGER)).roles())
                .as("other changes to themselves are fine").contains(Role.ADMIN, Role.MANAGER);
    }

    @Test
    void aDisabledPerson_isNoManagerAnyMore_untilEnabledAgain() {
        String mike = admin.create(ada, new NewPerson("mike-" + suffix, "Mike", null, team.id(),
                EnumSet.of(Role.MANAGER), PASSWORD), HASH).username();

        assertThat(admin.disable(ada, mike).enabled()).isFalse();
        assertThat(people.account(mike)).hasValueSatisfying(p -> assertThat(p.enabled()).isFalse());
        assertThat(people.managersOf(team.id())).extracting(PersonAccount::username).doesNotContain(mike);

        assertThat(admin.enable(ada, mike).enabled()).isTrue();
        assertThat(people.managersOf(team.id())).extracting(PersonAccount::username).contains(mike);
        assertThat(audited("person:" + mike)).extracting(AuditEntry::action)
                .containsExactly("person.enable", "person.disable", "person.create");
    }

    @Test
    void findAndCount_searchNameUsernameAndEmail_withinATeam() {
        admin.create(ada, newPerson("fay-" + suffix, "fay@example.org", PASSWORD), HASH);
        admin.create(ada, new NewPerson("gus-" + suffix, "Gus Grant", null, otherTeam.id(),
                EnumSet.of(Role.REQUESTER), PASSWORD), HASH);

        assertThat(admin.find(suffix, null, 0, 10)).extracting(PersonAccount::username)
                .containsExactly(ada, "fay-" + suffix, "gus-" + suffix);
        assertThat(admin.count(suffix, null)).isEqualTo(3);
        assertThat(admin.find("", otherTeam.id(), 0, 10)).extracting(PersonAccount::username)
                .containsExactly("gus-" + suffix);
        assertThat(admin.find("FAY@EXAMPLE", team.id(), 0, 10)).hasSize(1);
        assertThat(admin.find(suffix, null, 1, 1)).extracting(PersonAccount::username).containsExactly("fay-" + suffix);
        assertThat(admin.headcounts()).containsEntry(team.id(), 2L).containsEntry(otherTeam.id(), 1L);
    }

    @Test
    void teams_areCreatedWithAUniqueName_andAudited() {
        String name = "Team " + suffix;
        TeamInfo created = teams.create(ada, "  " + name + " ");

        assertThat(created.name()).isEqualTo(name);
        assertThatThrownBy(() -> teams.create(ada, name.toUpperCase())).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("name"));
        assertThatThrownBy(() -> teams.create(ada, " ")).isInstanceOf(InvalidInputException.class);
        assertThat(audited("team:" + name)).extracting(AuditEntry::action, AuditEntry::who)
                .containsExactly(tuple("team.create", ada));
    }

    private NewPerson newPerson(String username, String email, String password) {
        return new NewPerson(username, "Bob Builder", email, team.id(), EnumSet.of(Role.REQUESTER), password);
    }

    private List<AuditEntry> audited(String object) {
        return audit.find(AuditFilter.any().withText(object), 0, 50).stream().filter(e -> object.equals(e.object()))
                .toList();
    }
}
