package org.flatspace.workflows.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamService;
import org.flatspace.workflows.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** The right people get the right mail, through a real SMTP server (GreenMail), with a link. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "flatspace.workflow.base-url=https://flatspace.example/"})
class NotificationMailIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    CapacityRequestService requests;
    @Autowired
    ApprovalService approvals;
    @Autowired
    TeamService teams;
    @Autowired
    PersonService people;
    @Autowired
    CatalogService catalog;
    @Autowired
    QuotaService quotas;

    @Test
    void managersAreAskedByMail_andTheRequesterHearsTheDecision_withALinkToTheRequest() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = teams.create("mail-" + suffix).id();
        quotas.setLimits(team, new Resources(100, 102400, 1000, 10));
        long gold = catalog.tiers().stream().filter(t -> t.name().equals("gold")).findFirst()
                .orElseGet(() -> catalog.createTier("gold", true, true, true, 1.0)).id();
        FunctionInfo api = catalog.createFunction(team, "Payroll API", gold);
        SizeInfo small = catalog.createSize("small-" + suffix, 1, 1024, 10);
        Actor alice = person("alice-" + suffix, team, Role.REQUESTER);
        Actor paul = person("paul-" + suffix, team, Role.REQUESTER, Role.MANAGER);
        person("wendy-" + suffix, teams.create("other-" + suffix).id(), Role.REQUESTER, Role.MANAGER);

        RequestSummary request = requests.submit(alice, new NewCapacityRequest(api.id(), small.id(), 1,
                LocalDate.now().plusMonths(1), "new API node"));

        String link = "https://flatspace.example/requests/" + request.id();
        MimeMessage ask = single(mailTo("paul-" + suffix));
        assertThat(ask.getSubject()).isEqualTo("[Flatspace] Request " + request.id()
                + " (Payroll API): waits for your approval");
        assertThat(GreenMailUtil.getBody(ask)).contains("alice-" + suffix + " asks for 1 x small-" + suffix)
                .contains(link);
        assertThat(mailTo("alice-" + suffix)).isEmpty();
        assertThat(mailTo("wendy-" + suffix)).isEmpty();

        approvals.approve(paul, approvals.inbox(paul).get(0).taskId(), "go ahead");

        MimeMessage approved = single(mailTo("alice-" + suffix));
        assertThat(approved.getSubject()).endsWith("approved");
        assertThat(GreenMailUtil.getBody(approved)).contains("approved by paul-" + suffix + ": go ahead")
                .contains(link);
    }

    private Actor person(String username, long team, Role... roles) {
        people.create(username, username, username + "@example.org", "{noop}x", team,
                EnumSet.copyOf(Set.of(roles)));
        return new Actor(username, team, Set.of(roles));
    }

    private static List<MimeMessage> mailTo(String username) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(username + "@example.org"));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
