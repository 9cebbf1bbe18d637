package org.flatspace.portal.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flatspace.portal.HttpUser;
import org.flatspace.portal.PortalIntegrationTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cockpit, Tasklist, Admin and the engine's REST API are for administrators, signed in through the
 * portal's own login: Camunda shows no login of its own, requesters and managers get 403, and
 * someone signed out the portal's login page (or 401 for a script).
 */
class CamundaWebappIT extends PortalIntegrationTest {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";

    @Test
    void anAdministratorsSession_opensCockpit_signedInAsThemselves_inCamundasAdminGroup() {
        HttpUser admin = signedIn("admin");

        HttpResponse<String> cockpit = admin.page(COCKPIT);
        assertThat(cockpit.statusCode()).as("%s", cockpit.headers().map()).isEqualTo(200);
        assertThat(cockpit.body()).contains("<title>Camunda Cockpit</title>");
        assertScriptsLoad(admin, cockpit.body());

        JsonNode camundaUser = HttpUser.json(admin.get("/camunda/api/admin/auth/user/default"));
        assertThat(camundaUser.get("userId").asText()).isEqualTo("admin");
        assertThat(camundaUser.get("authorizedApps")).extracting(JsonNode::asText)
                .contains("cockpit", "tasklist", "admin");

        HttpResponse<String> definitions = admin.get("/camunda/api/engine/engine/default/process-definition/count");
        assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
        assertThat(HttpUser.json(definitions).get("count").asLong()).isPositive();

        assertThat(admin.page("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
        // approvals are decided in the portal, which checks who may decide what; Tasklist would not
        assertThat(admin.page("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(admin.get("/camunda/api/tasklist/plugin/tasklistSorting/static/app/plugin.js").statusCode())
                .isEqualTo(403);
    }

    /** The page's scripts come from Camunda's web jar, not from the portal's routes. */
    private static void assertScriptsLoad(HttpUser browser, String page) {
        Matcher script = Pattern.compile("<script[^>]* src=\"([^\"]+)\"").matcher(page);
        int scripts = 0;
        while (script.find()) {
            HttpResponse<String> loaded = browser.page(script.group(1));
            assertThat(loaded.statusCode()).as(script.group(1)).isEqualTo(200);
            assertThat(loaded.headers().firstValue("Content-Type")).as(script.group(1))
                    .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
            scripts++;
        }
        assertThat(scripts).as("scripts of the page").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theEngineRestApi_answersAnAdministrator_withASessionOrAToken() {
        JsonNode engines = HttpUser.json(signedIn("admin").get("/engine-rest/engine"));
        assertThat(engines.findValuesAsText("name")).containsExactly("default");

        String token = tokenOf("admin");
        HttpResponse<String> definitions = anonymous().get("/engine-rest/process-definition/count", token);
        assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
        assertThat(HttpUser.json(definitions).get("count").asLong()).isPositive();
        assertThat(definitions.headers().allValues("Set-Cookie")).as("a token call leaves no session").isEmpty();

        // reading only: completing a task or correlating a message would go past the portal's rules
        assertThat(anonymous().post(token, "/engine-rest/task/any-task/complete", "{}").statusCode()).isEqualTo(403);
        assertThat(anonymous().post(token, "/engine-rest/message", "{\"messageName\": \"quota-increased\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void camundasUsers_areFlatspacesPeople_andItsAdministrators_areFlatspacesAdministrators() {
        String token = tokenOf("admin");
        JsonNode admins = HttpUser.json(anonymous().get("/engine-rest/user?memberOfGroup=camunda-admin", token));
        assertThat(admins.findValuesAsText("id")).contains("admin").doesNotContain("alice", "paul");

        JsonNode alice = HttpUser.json(anonymous().get("/engine-rest/user/alice/profile", token));
        assertThat(alice.get("id").asText()).isEqualTo("alice");
        assertThat(alice.get("firstName").asText()).isNotBlank();

        JsonNode groups = HttpUser.json(anonymous().get("/engine-rest/identity/groups?userId=admin", token));
        assertThat(groups.get("groups").findValuesAsText("id")).containsExactly("camunda-admin");
        assertThat(HttpUser.json(anonymous().get("/engine-rest/identity/groups?userId=alice", token))
                .get("groups")).isEmpty();
    }

    @Test
    void requestersAndManagers_get403_fromTheAppsAndTheRestApi() {
        for (String user : List.of("alice", "mike")) {
            HttpUser person = signedIn(user);
            assertThat(person.page(COCKPIT).statusCode()).as(user).isEqualTo(403);
            assertThat(person.page(COCKPIT).body()).as(user).doesNotContain("Camunda Cockpit");
            assertThat(person.get("/camunda/api/admin/auth/user/default").statusCode()).as(user).isEqualTo(403);
            assertThat(person.get("/engine-rest/engine").statusCode()).as(user).isEqualTo(403);
            assertThat(anonymous().get("/engine-rest/process-definition", tokenOf(user)).statusCode()).as(user)
                    .isEqualTo(403);
        }
    }

    @Test
    void signedOut_aBrowserIsSentToThePortalsLogin_andAScriptGets401() {
        HttpResponse<String> browser = anonymous().page(COCKPIT);
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        assertThat(anonymous().get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/engine-rest/engine").statusCode()).isEqualTo(401);
        assertThat(anonymous().get(COCKPIT, tokenOf("admin")).statusCode())
                .as("the apps take no tokens: they are for browsers").isEqualTo(401);
    }

    @Test
    void thePortalStaysAtTheRoot_notCamundasWelcomePage() {
        HttpResponse<String> root = anonymous().page("/");
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/login").doesNotContain("camunda"));
    }
}
