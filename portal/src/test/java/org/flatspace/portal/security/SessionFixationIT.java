package org.flatspace.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.flatspace.portal.HttpUser;
import org.flatspace.portal.PortalIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Session fixation: whoever planted or saw the session id a browser had before signing in gains
 * nothing, because signing in gives the browser a new one and the old one stays signed out.
 */
class SessionFixationIT extends PortalIntegrationTest {

    private static final String ADMIN_PAGE = "/actuator/prometheus";

    @Test
    void signingIn_changesTheSessionId_andTheOldIdStaysSignedOut() {
        HttpUser browser = anonymous();
        HttpResponse<String> before = browser.page(ADMIN_PAGE);
        assertThat(before.statusCode()).as("sent to the login page").isEqualTo(302);
        String idBefore = browser.sessionId().orElseThrow(
                () -> new AssertionError("No session before signing in: " + before.headers().map()));

        HttpResponse<String> login = browser.signIn("admin", DEMO_PASSWORD);
        String idAfter = browser.sessionId().orElseThrow();

        assertThat(idAfter).isNotEqualTo(idBefore);
        assertThat(login.headers().firstValue("Location")).as("back where the browser wanted to go")
                .hasValueSatisfying(l -> assertThat(l).contains(ADMIN_PAGE));
        assertThat(browser.page(ADMIN_PAGE).statusCode()).isEqualTo(200);
        HttpResponse<String> withOldId = anonymous().pageWithSession(ADMIN_PAGE, idBefore);
        assertThat(withOldId.statusCode()).as("the old id is not signed in").isEqualTo(302);
        assertThat(withOldId.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
