package org.flatspace.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.NewCapacityRequest;
import org.flatspace.workflows.request.RequestSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Admins replace the approval policy; a policy that does not work is refused and the old one stays. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:mariadb://${flatspace.it.db.host:127.0.0.1}:"
        + "${flatspace.it.db.port:3306}/flatspace_it_policy?nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true")
class ApprovalPolicyServiceIT {

    private static final Actor ADMIN = new Actor("ada", 1, EnumSet.of(Role.ADMIN));

    @Autowired
    ApprovalPolicyService policies;
    @Autowired
    CapacityRequestService requests;
    @Autowired
    TeamService teams;
    @Autowired
    CatalogService catalog;
    @Autowired
    QuotaService quotas;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessEngine engine;

    @Test
    void brokenPolicies_areRefusedWithTheReason_andTheActivePolicyStays() throws IOException {
        int active = policies.versions(ADMIN).get(0).version();

        assertRefused("this is not xml".getBytes(StandardCharsets.UTF_8), "not a DMN decision");
        assertRefused(shipped().replace("id=\"approval-policy\"", "id=\"something-else\""),
                "no decision with the id \"approval-policy\"");
        assertRefused(shipped().replace("<text>\"AUTO\"</text></outputEntry>", "<text>\"YES\"</text></outputEntry>"),
                "must be one of");
        assertRefused(shipped().replace("name=\"approval\"", "name=\"decision\""), "no output named \"approval\"");
        assertRefused(new byte[0], "empty");

        assertThat(policies.versions(ADMIN).get(0).version()).isEqualTo(active);
    }

    @Test
    void onlyAdminsReplaceThePolicy() throws IOException {
        Actor manager = new Actor("paul", 1, EnumSet.of(Role.MANAGER, Role.REQUESTER));

        assertThatThrownBy(() -> policies.replace(manager, "p.dmn", shipped().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> policies.versions(new Actor("alice", 1, EnumSet.of(Role.REQUESTER))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void aReplacedPolicy_decidesTheNextRequests() throws IOException {
        BpmnAwareTests.init(engine);
        String everythingToManagers = shipped().replace("<text>\"AUTO\"</text></outputEntry>",
                "<text>\"MANAGER\"</text></outputEntry>");

        PolicyVersion replaced = policies.replace(ADMIN, "strict.dmn",
                everythingToManagers.getBytes(StandardCharsets.UTF_8));

        assertThat(replaced.active()).isTrue();
        assertThat(replaced.source()).contains("strict.dmn").contains("ada");
        assertThat(policies.activeDmn(ADMIN)).isEqualTo(everythingToManagers);
        RequestSummary small = submitSmallRequest();
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(small.id())).singleResult();
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_ManagerApproval");

        policies.replace(ADMIN, "approval-policy.dmn", shipped().getBytes(StandardCharsets.UTF_8));
    }

    private RequestSummary submitSmallRequest() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = teams.create("policy-" + suffix).id();
        quotas.setLimits(team, new Resources(10, 10240, 100, 5));
        FunctionInfo function = catalog.createFunction(team, "Batch",
                catalog.createTier("bronze-" + suffix, false, false, false, 4.0).id());
        SizeInfo size = catalog.createSize("tiny-" + suffix, 1, 512, 1);
        return requests.submit(new Actor("alice-" + suffix, team, Set.of(Role.REQUESTER)),
                new NewCapacityRequest(function.id(), size.id(), 1, LocalDate.now().plusDays(10), "policy test"));
    }

    private void assertRefused(String dmn, String reason) {
        assertRefused(dmn.getBytes(StandardCharsets.UTF_8), reason);
    }

    private void assertRefused(byte[] dmn, String reason) {
        assertThatThrownBy(() -> policies.replace(ADMIN, "bad.dmn", dmn))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining(reason);
    }

    private static String shipped() throws IOException {
        try (InputStream in = ApprovalPolicyServiceIT.class.getResourceAsStream("/dmn/approval-policy.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
