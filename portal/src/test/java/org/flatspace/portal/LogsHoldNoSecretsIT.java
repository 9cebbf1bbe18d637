package org.flatspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After every other integration test of the portal has run (this class is ordered last, see
 * junit-platform.properties), the run's log ({@code logging.file.name}, set by the build) holds none
 * of the secrets the tests handled: the passwords they signed in with, the API tokens issued to them
 * and the session ids the portal gave out. It fails naming the line, with the secret masked.
 * Run on its own it fails too: there is no run to check.
 */
@Order(Integer.MAX_VALUE)
class LogsHoldNoSecretsIT {

    /** Signs in in LoginThrottleIT; the demo users' password is recorded from the configuration. */
    private static final String THROTTLE_TEST_PASSWORD = "correct horse battery staple";
    /** Words of the log itself that a password may equal: the application's (and database's) name. */
    private static final Set<String> ORDINARY_WORDS = Set.of("flatspace");

    @Test
    void theRunsLog_holdsNoPasswordTokenOrSessionId() throws IOException {
        Path log = runLog();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).as("the run's log %s", log).hasSizeGreaterThan(50)
                .anyMatch(l -> l.contains("Started ") && l.contains("IT in"));
        assertThat(IssuedSecrets.API_TOKENS).as("API tokens issued in this run").isNotEmpty();
        assertThat(IssuedSecrets.SESSION_IDS).as("session ids handed out in this run").isNotEmpty();
        assertThat(IssuedSecrets.PASSWORDS).as("configured passwords").contains(PortalIntegrationTest.DEMO_PASSWORD);

        SecretsInLog secrets = matcher();
        assertMatcherFindsPlantedSecrets(secrets, lines.get(0));

        assertThat(secrets.check(lines)).as("secrets in %s", log).isEmpty();
    }

    private static SecretsInLog matcher() {
        List<String> passwords = new ArrayList<>(IssuedSecrets.PASSWORDS);
        passwords.add(THROTTLE_TEST_PASSWORD);
        return new SecretsInLog(passwords, IssuedSecrets.API_TOKENS, IssuedSecrets.SESSION_IDS, ORDINARY_WORDS);
    }

    /** The check cannot pass by looking for the wrong thing: it must see secrets planted in lines like the log's. */
    private static void assertMatcherFindsPlantedSecrets(SecretsInLog secrets, String ordinaryLine) {
        String token = IssuedSecrets.API_TOKENS.iterator().next();
        String sessionId = IssuedSecrets.SESSION_IDS.iterator().next();
        assertThat(secrets.check(1, ordinaryLine)).as("an ordinary line: %s", ordinaryLine).isEmpty();
        assertThat(secrets.check(1, "INFO 1 --- [flatspace] [main] o.f.p.Some : jdbc:mariadb://db/flatspace_it_api"))
                .as("the application's name is no password").isEmpty();
        assertThat(secrets.check(1, ordinaryLine + " Authorization: Bearer " + token)).as("a token").isPresent();
        assertThat(secrets.check(1, ordinaryLine + " token " + token.substring(3))).as("a token's secret part")
                .isPresent();
        assertThat(secrets.check(1, ordinaryLine + " session " + sessionId)).as("a session id").isPresent();
        assertThat(secrets.check(1, "Cookie: JSESSIONID=0123456789ABCDEF")).as("a session cookie").isPresent();
        assertThat(secrets.check(1, "login username=wendy&password=flatspace")).as("the demo password").isPresent();
        assertThat(secrets.check(1, "{\"password\": \"flatspace\"}")).as("the demo password in JSON").isPresent();
        assertThat(secrets.check(1, "tried " + THROTTLE_TEST_PASSWORD)).as("a test user's password").isPresent();
        assertThat(secrets.check(7, "Bearer " + token).orElseThrow().toString())
                .as("the failure names the line and masks the secret").startsWith("line 7 ").doesNotContain(token);
    }

    private static Path runLog() {
        String name = System.getProperty("logging.file.name");
        assertThat(name).as("logging.file.name: the build sends the run's log to a file (portal/pom.xml)").isNotBlank();
        Path log = Path.of(name);
        assertThat(log).as("the log of this run's integration tests; this check runs after them, not alone")
                .exists();
        return log;
    }
}
