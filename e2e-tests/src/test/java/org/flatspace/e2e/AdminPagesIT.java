package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.policy.ApprovalPolicyService;
import org.flatspace.workflows.policy.PolicyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator's planning pages: what-if answers for a size and tier against the demo pool
 * (where it would go, or that it does not fit, or what to correct), and the approval policy page
 * shows the active version, which a broken upload leaves active.
 */
class AdminPagesIT extends PortalBrowserTest {

    @Autowired
    PersonService people;
    @Autowired
    ApprovalPolicyService policies;

    @Test
    void adminAsksWhatIf_andThePoolAnswersWhereASizeWouldGo_orThatItDoesNotFit() {
        new LoginPage(browser).open().signInAs("admin", "flatspace");

        WhatIfPage whatIf = new WhatIfPage(browser).open().ask(2, "small", "bronze");
        browser.snapshot("what-if-1-fits");
        assertThat(whatIf.answer()).startsWith("Yes: the pool can take 2 x small (bronze) now, on ")
                .endsWith("; nothing was allocated");
        List<String> hosts = whatIf.hosts();
        assertThat(hosts).isNotEmpty().allSatisfy(row -> assertThat(row).matches("demo-\\w+ \\| \\d+"));
        assertThat(hosts.stream().mapToLong(row -> Long.parseLong(row.split(" \\| ")[1])).sum())
                .as("instances placed over the hosts").isEqualTo(2);

        // 1000 x 32 GiB is far more memory than the four demo hosts have together
        whatIf.ask(1000, "xlarge", "gold");
        browser.snapshot("what-if-2-does-not-fit");
        assertThat(whatIf.answer()).startsWith("No: the pool cannot take 1000 x xlarge (gold) now: ");
        assertThat(whatIf.hosts()).isEmpty();

        whatIf.ask(0, "small", "bronze");
        assertThat(whatIf.errorOf("what-if-count")).isEqualTo("Ask about 1 to 10000 instances");
    }

    @Test
    void adminSeesTheActivePolicyVersion_andABrokenUploadLeavesItActive(@TempDir Path dir) throws IOException {
        PersonAccount admin = people.account("admin").orElseThrow();
        List<PolicyVersion> deployed = policies.versions(new Actor(admin.username(), admin.teamId(), admin.roles()));
        int active = deployed.stream().filter(PolicyVersion::active).findFirst().orElseThrow().version();
        new LoginPage(browser).open().signInAs("admin", "flatspace");

        ApprovalPolicyPage policy = new ApprovalPolicyPage(browser).open();
        browser.snapshot("policy-1-versions");
        assertThat(policy.activeVersion()).isEqualTo(active);
        assertThat(policy.versions()).hasSize(deployed.size());
        assertThat(policy.downloadAddress()).isNotBlank();

        Path broken = Files.writeString(dir.resolve("approval-policy.dmn"), "<definitions>not a decision");
        policy.upload(broken);
        browser.snapshot("policy-2-refused");
        assertThat(policy.error()).startsWith("Not accepted, the active policy stays: ");
        assertThat(policy.listedFiles()).as("a refused file is not listed as uploaded").isEmpty();
        assertThat(policy.activeVersion()).isEqualTo(active);
        assertThat(policy.versions()).hasSize(deployed.size());
    }
}
