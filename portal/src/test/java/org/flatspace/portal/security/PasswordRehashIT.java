package org.flatspace.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.flatspace.config.person.NewPerson;
import org.flatspace.config.person.PersonAdminService;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.HttpUser;
import org.flatspace.portal.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A stored password hash weaker than the portal's setting (here bcrypt at cost 4, as an older
 * installation or a lower {@code flatspace.security.password.bcrypt-cost} made it) is replaced by
 * one at the current cost when its owner signs in, and the password keeps working.
 */
class PasswordRehashIT extends PortalIntegrationTest {

    private static final String PASSWORD = "four words make a password";

    @Autowired
    PersonAdminService admin;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Value("${flatspace.security.password.bcrypt-cost:12}")
    int cost;

    @Test
    void aWeakHash_isReplacedAtSignIn_byOneAtTheCurrentCost() {
        String username = "rehash-" + UUID.randomUUID().toString().substring(0, 6);
        long payroll = teams.teamNamed("Payroll").orElseThrow().id();
        BCryptPasswordEncoder weak = new BCryptPasswordEncoder(4);
        admin.create("admin", new NewPerson(username, "Old hash", null, payroll, Set.of(Role.REQUESTER), PASSWORD),
                password -> "{bcrypt}" + weak.encode(password));
        String before = people.account(username).orElseThrow().passwordHash();
        assertThat(before).startsWith("{bcrypt}$2a$04$");

        HttpUser browser = anonymous();
        browser.signIn(username, PASSWORD);

        String after = people.account(username).orElseThrow().passwordHash();
        assertThat(after).as("hashed again at the configured cost")
                .startsWith("{bcrypt}$2a$%02d$".formatted(cost)).isNotEqualTo(before);
        assertThat(browser.page("/").statusCode()).as("the session of that sign-in goes on").isEqualTo(200);
        anonymous().signIn(username, PASSWORD);
        assertThat(people.account(username).orElseThrow().passwordHash()).as("a current hash stays").isEqualTo(after);
    }
}
