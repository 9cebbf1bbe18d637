package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A person creates an API token in the portal; a script calls the API with it until it is revoked. */
class ApiTokensIT extends PortalBrowserTest {

    @Test
    void aScriptUsesATokenCreatedInThePortal_untilItIsRevoked() throws Exception {
        new LoginPage(browser).open().signInAs("alice", "flatspace");
        String name = "payroll pipeline " + UUID.randomUUID().toString().substring(0, 6);
        ApiTokensPage tokens = new ApiTokensPage(browser).open();
        String secret = tokens.create(name);
        browser.snapshot("tokens-created");
        assertThat(secret).startsWith("fs_");
        assertThat(browser.text()).contains(name).contains("API tokens");
        assertThat(call(secret)).isEqualTo(200);
        tokens.open();
        browser.snapshot("tokens-used");
        assertThat(browser.text()).doesNotContain(secret);
        tokens.revoke(name);
        assertThat(call(secret)).isEqualTo(401);
    }

    private int call(String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/requests")).header("Authorization", "Bearer " + secret).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
