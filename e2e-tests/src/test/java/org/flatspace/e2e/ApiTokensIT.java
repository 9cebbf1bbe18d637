package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person creates an API token in the portal; a script calls the API with it until it is revoked. */
class ApiTokensIT extends PortalBrowserTest {

    @Test
    void aScriptUsesATokenCreatedInThePortal_untilItIsRevoked() throws Exception {
        new LoginPage(browser).open().signInAs("alice", "flatspace");
        browser.open("/tokens");
        browser.waitFor(By.cssSelector("#token-name input")).sendKeys("payroll pipeline");
        browser.driver().findElement(By.id("create-token")).click();
        browser.settle();
        String secret = browser.waitFor(By.cssSelector("#token-secret input")).getAttribute("value");
        browser.snapshot("tokens-created");
        assertThat(secret).startsWith("fs_");
        assertThat(browser.text()).contains("payroll pipeline").contains("API tokens");
        assertThat(call(secret)).isEqualTo(200);
        browser.open("/tokens");
        browser.settle();
        browser.snapshot("tokens-used");
        assertThat(browser.text()).doesNotContain(secret);
        browser.driver().findElement(By.xpath("//vaadin-button[contains(.,'Revoke')]")).click();
        browser.settle();
        assertThat(call(secret)).isEqualTo(401);
    }

    private int call(String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/requests")).header("Authorization", "Bearer " + secret).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
