package org.flatspace.e2e;

import org.flatspace.portal.FlatspaceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal on MariaDB with the demo data and its libvirt test-driver pool, on a random port, and
 * one Chromium per test class (starting it costs more than a test). Each test starts signed out; a
 * failing test leaves a screenshot, the page and the browser console in target/e2e-artifacts.
 */
@SpringBootTest(classes = FlatspaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mariadb", "demo", "e2e"})
abstract class PortalBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.saveEvidence(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        browser.driver().manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
