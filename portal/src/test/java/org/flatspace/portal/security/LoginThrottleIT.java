package org.flatspace.portal.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.FlatspaceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in through the portal's real security chain on MariaDB: an account with too many failed
 * sign-ins is refused even with its right password, while other accounts are not; responses carry
 * the security headers.
 */
@SpringBootTest(classes = FlatspaceApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles({"mariadb", "portal-it"})
class LoginThrottleIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginThrottleProperties limits;

    private final String address = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255) + "-"
            + UUID.randomUUID().toString().substring(0, 4);

    @Test
    void anAccountWithTooManyFailures_isRefusedEvenWithItsPassword_andOthersAreNot() throws Exception {
        String target = person();
        String bystander = person();
        mvc.perform(login(target, PASSWORD)).andExpect(authenticated());

        for (int i = 0; i < limits.maxFailuresPerAccount(); i++) {
            mvc.perform(login(target, "guess " + i)).andExpect(unauthenticated());
        }

        mvc.perform(login(target, PASSWORD)).andExpect(unauthenticated());
        mvc.perform(login(bystander, PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aSuccessfulSignIn_clearsTheAccountsCount() throws Exception {
        String person = person();
        for (int i = 0; i < limits.maxFailuresPerAccount() - 1; i++) {
            mvc.perform(login(person, "guess " + i)).andExpect(unauthenticated());
        }
        mvc.perform(login(person, PASSWORD)).andExpect(authenticated());

        mvc.perform(login(person, "one more guess")).andExpect(unauthenticated());
        mvc.perform(login(person, PASSWORD)).andExpect(authenticated());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        // a signed-out visitor is sent to the sign-in page; the headers come with every response
        mvc.perform(get("/admin/hosts"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Cache-Control"));
    }

    /**
     * A sign-in from this test's own client address (a documentation address; no traffic goes
     * anywhere), so that the per-address count of other tests and earlier runs does not interfere.
     */
    private MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private String person() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = teams.create("throttle-" + suffix).id();
        return people.create("user-" + suffix, "User " + suffix, null, encoder.encode(PASSWORD), team,
                EnumSet.of(Role.REQUESTER)).username();
    }
}
