package org.flatspace.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.flatspace.config.person.NewPerson;
import org.flatspace.config.person.PersonAdminService;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.HttpUser;
import org.flatspace.portal.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A signed-in browser session follows what an administrator decides about the person: disabled,
 * given other roles or moved to another team, the person is signed out at the next request (the
 * tests' profile looks at every request; production every 5 s) and signs in again with what holds
 * now. Before, the session kept the team and roles of its sign-in until it ended.
 */
class SignedInAccessIT extends PortalIntegrationTest {

    private static final String PASSWORD = "four words make a password";
    private static final String PORTAL = "/";
    private static final String ADMIN_ONLY = "/actuator/prometheus";

    @Autowired
    PersonAdminService people;
    @Autowired
    TeamService teams;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aPersonDisabledWhileSignedIn_isSignedOutAtTheNextRequest() {
        String username = person(Set.of(Role.REQUESTER), "Payroll");
        HttpUser browser = signedInAs(username);
        HttpUser bystander = signedIn("alice");
        assertThat(browser.page(PORTAL).statusCode()).isEqualTo(200);

        people.disable("admin", username);

        assertSentToLogin(browser.page(PORTAL));
        assertThat(bystander.page(PORTAL).statusCode()).as("nobody else is signed out").isEqualTo(200);
        assertSentToLogin(browser.page(PORTAL)); // and stays signed out
    }

    @Test
    void anAdministratorDemotedWhileSignedIn_losesTheAdministratorsPagesAtOnce() {
        String username = person(EnumSet.of(Role.REQUESTER, Role.ADMIN), "Payroll");
        HttpUser browser = signedInAs(username);
        assertThat(browser.page(ADMIN_ONLY).statusCode()).isEqualTo(200);

        people.change("admin", username, teamId("Payroll"), EnumSet.of(Role.REQUESTER));

        assertSentToLogin(browser.page(ADMIN_ONLY));
        browser.signIn(username, PASSWORD);
        assertThat(browser.page(ADMIN_ONLY).statusCode()).as("signed in again, as a requester").isEqualTo(403);
        assertThat(browser.page(PORTAL).statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonMovedToAnotherTeamWhileSignedIn_signsInAgainAsAMemberOfTheNewTeam() {
        String username = person(Set.of(Role.REQUESTER), "Payroll");
        HttpUser browser = signedInAs(username);
        assertThat(browser.page(PORTAL).statusCode()).isEqualTo(200);

        people.change("admin", username, teamId("Web shop"), EnumSet.of(Role.REQUESTER));

        assertSentToLogin(browser.page(PORTAL));
        browser.signIn(username, PASSWORD);
        assertThat(browser.page(PORTAL).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeThatLeavesTeamRolesAndAccessAsTheyWere_signsNobodyOut() {
        String username = person(Set.of(Role.REQUESTER), "Payroll");
        HttpUser browser = signedInAs(username);

        people.change("admin", username, teamId("Payroll"), EnumSet.of(Role.REQUESTER));
        people.enable("admin", username);

        assertThat(browser.page(PORTAL).statusCode()).isEqualTo(200);
    }

    private String person(Set<Role> roles, String team) {
        String username = "sia-" + UUID.randomUUID().toString().substring(0, 6);
        people.create("admin", new NewPerson(username, "Signed-in test", null, teamId(team), roles, PASSWORD),
                passwords::encode);
        return username;
    }

    private long teamId(String name) {
        return teams.teamNamed(name).orElseThrow().id();
    }

    private HttpUser signedInAs(String username) {
        HttpUser browser = anonymous();
        browser.signIn(username, PASSWORD);
        return browser;
    }

    private static void assertSentToLogin(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("sent to the login page").isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
