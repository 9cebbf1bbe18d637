package org.flatspace.portal;

import java.time.LocalDate;
import java.util.UUID;

import org.flatspace.portal.api.token.ApiTokenService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal over real HTTP, as a browser or a script sees it: the same configuration as the API
 * tests' {@code ApiIntegrationTest} (random port, MariaDB, the demo's people and test-driver hosts,
 * the job executor running), so Spring's test context cache gives both the same application.
 */
@SpringBootTest(classes = FlatspaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics export on, as in production: the operators' tests scrape /actuator/prometheus
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"mariadb", "demo", "api-it"})
public abstract class PortalIntegrationTest {

    /** The demo users' password ({@code flatspace.demo.password}). */
    protected static final String DEMO_PASSWORD = "flatspace";

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApiTokenService tokens;

    /** Someone not signed in, with a cookie jar. */
    protected HttpUser anonymous() {
        return new HttpUser(port);
    }

    /** A demo user signed in through the portal's login form, with the session in the cookie jar. */
    protected HttpUser signedIn(String username) {
        HttpUser user = anonymous();
        user.signIn(username, DEMO_PASSWORD);
        return user;
    }

    /** A fresh personal API token of the user, as they would create it under "API tokens". */
    protected String tokenOf(String username) {
        return tokens.create(username, "it " + UUID.randomUUID(), LocalDate.now().plusDays(30)).secret();
    }
}
