package org.flatspace.config.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.flatspace.config.person.PersonService;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class AuditServiceIT {

    @Autowired
    AuditService audit;
    @Autowired
    TeamService teams;
    @Autowired
    PersonService people;
    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Each test's entries carry its own marker in the object, so tests find only their own. */
    private final String marker = "it-" + UUID.randomUUID();

    @Test
    void aRefusalRecordedInsideATransactionThatRollsBack_staysRecorded() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            audit.record("mallory", "Payroll", "quota.set", marker, AuditOutcome.DENIED, "not an admin");
            throw new IllegalStateException("the caller fails after recording");
        })).hasMessage("the caller fails after recording");

        assertThat(mine()).singleElement().satisfies(e -> {
            assertThat(e.who()).isEqualTo("mallory");
            assertThat(e.team()).isEqualTo("Payroll");
            assertThat(e.action()).isEqualTo("quota.set");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(e.detail()).isEqualTo("not an admin");
        });
    }

    @Test
    void aSuccessInsideATransaction_isRecordedWhenItCommits_andAsFailedWhenItRollsBack() {
        transactions.executeWithoutResult(tx -> {
            audit.record("ada", "Platform", "quota.set", marker, AuditOutcome.SUCCESS, "vCPU 8 -> 16");
            assertThat(mine()).as("not before the change commits").isEmpty();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            audit.record("ada", "Platform", "quota.raise", marker, AuditOutcome.SUCCESS, "+4 vCPU");
            throw new IllegalStateException("the change fails at the end");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(mine()).extracting(AuditEntry::action, AuditEntry::outcome, AuditEntry::detail).containsExactly(
                tuple("quota.raise", AuditOutcome.FAILED,
                        "rolled back, nothing changed: +4 vCPU"),
                tuple("quota.set", AuditOutcome.SUCCESS, "vCPU 8 -> 16"));
    }

    @Test
    void withoutATeam_theTeamOfTheKnownPersonIsRecorded_andNoneForTheSystemOrAStranger() {
        String team = "audit-" + UUID.randomUUID();
        String username = "aud" + UUID.randomUUID().toString().substring(0, 8);
        people.create(username, "Auditee", null, "{noop}x", teams.create(team).id(), EnumSet.of(Role.REQUESTER));

        audit.record(username, null, "login.success", marker, AuditOutcome.SUCCESS, "password");
        audit.record(AuditService.SYSTEM, null, "host.down", marker, AuditOutcome.SUCCESS, "3 failed checks");
        audit.record("nobody-" + marker, null, "login.failure", marker, AuditOutcome.DENIED, "bad credentials");

        assertThat(mine()).extracting(AuditEntry::action, AuditEntry::team).containsExactlyInAnyOrder(
                tuple("login.success", team),
                tuple("host.down", null),
                tuple("login.failure", null));
    }

    @Test
    void filters_narrowByWhoTeamActionOutcomeTimeAndText() {
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        audit.record("ada", "Platform", "host.drain", marker + " host:demo-a1", AuditOutcome.SUCCESS, "4 moves");
        audit.record("alice", "Payroll", "host.drain", marker + " host:demo-a1", AuditOutcome.DENIED, "not an admin");
        audit.record("ada", "Platform", "quota.set", marker + " team:Payroll", AuditOutcome.SUCCESS, "vCPU 8 -> 16");
        audit.record("alice", "Payroll", "login.failure", marker, AuditOutcome.DENIED, "Bad Credentials");
        AuditFilter mine = AuditFilter.any().withText(marker);

        assertThat(audit.find(mine.withWho("al"), 0, 50)).extracting(AuditEntry::who).containsOnly("alice").hasSize(2);
        assertThat(audit.find(mine.withAction("host."), 0, 50)).hasSize(2);
        assertThat(audit.find(mine.withOutcome(AuditOutcome.DENIED).withAction("host"), 0, 50))
                .extracting(AuditEntry::who).containsExactly("alice");
        assertThat(audit.find(new AuditFilter(null, "Platform", null, null, null, null, marker), 0, 50)).hasSize(2);
        assertThat(audit.find(mine.withText(marker.toUpperCase() + " TEAM:payroll"), 0, 50))
                .extracting(AuditEntry::action).containsExactly("quota.set");
        assertThat(audit.find(AuditFilter.any().withText("bad credentials").withWho("alice"), 0, 1000))
                .extracting(AuditEntry::object).contains(marker);
        assertThat(audit.count(new AuditFilter(null, null, null, null, before, Instant.now().plusSeconds(1), marker)))
                .isEqualTo(4);
        assertThat(audit.count(new AuditFilter(null, null, null, null, null, before, marker))).isZero();
        assertThat(audit.find(mine.withText("100%_!"), 0, 50)).as("LIKE characters are taken literally").isEmpty();
        assertThat(audit.actions()).contains("host.drain", "quota.set", "login.failure");
    }

    @Test
    void paging_givesEachEntryOnce_newestFirst() {
        for (int i = 0; i < 25; i++) {
            audit.record("pager", null, "test.page", marker, AuditOutcome.SUCCESS, "entry " + i);
        }
        AuditFilter mine = AuditFilter.any().withText(marker);

        List<AuditEntry> first = audit.find(mine, 0, 10);
        List<AuditEntry> second = audit.find(mine, 10, 10);
        List<AuditEntry> last = audit.find(mine, 20, 10);

        assertThat(audit.count(mine)).isEqualTo(25);
        assertThat(first).hasSize(10);
        assertThat(last).hasSize(5);
        assertThat(first.get(0).detail()).isEqualTo("entry 24");
        assertThat(last.get(4).detail()).isEqualTo("entry 0");
        assertThat(Stream.of(first, second, last).flatMap(List::stream).map(AuditEntry::id).distinct())
                .hasSize(25);
    }

    @Test
    void controlCharactersAndOverlongText_areKeptToOneShortLine() {
        audit.record("evil\nINFO forged line", null, "login.failure", marker, AuditOutcome.DENIED, "x".repeat(5000));

        AuditEntry entry = mine().get(0);
        assertThat(entry.who()).isEqualTo("evil INFO forged line");
        assertThat(entry.detail()).hasSize(AuditService.MAX_DETAIL).endsWith("…");
    }

    private List<AuditEntry> mine() {
        return audit.find(AuditFilter.any().withText(marker), 0, 100);
    }

    @Test
    void entriesRecordedBeforeTheCutoff_areRemoved_theRestKept_andTheRemovalIsRecorded() {
        Instant now = Instant.now();
        insertAt(now.minus(Duration.ofDays(500)), "ancient");
        insertAt(now.minus(Duration.ofDays(401)), "old");
        insertAt(now.minus(Duration.ofDays(399)), "recent");
        audit.record("ada", null, "test.retention", marker, AuditOutcome.SUCCESS, "today");

        long removed = audit.removeRecordedBefore(now.minus(Duration.ofDays(400)));

        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(audit.find(new AuditFilter(null, null, "test.retention", null, null, null, marker), 0, 10))
                .extracting(AuditEntry::detail).containsExactly("today", "recent");
        assertThat(audit.find(new AuditFilter("system", null, "audit.remove", null, now.minusSeconds(5), null, null),
                0, 1)).singleElement().satisfies(e -> assertThat(e.detail()).contains(removed + " entries"));
        assertThat(audit.removeRecordedBefore(now.minus(Duration.ofDays(400)))).as("nothing left to remove").isZero();
    }

    private void insertAt(Instant at, String detail) {
        jdbc.sql("insert into audit_entry (at, who, action, object, outcome, detail)"
                        + " values (:at, 'ada', 'test.retention', :object, 'SUCCESS', :detail)")
                .param("at", java.sql.Timestamp.from(at)).param("object", marker).param("detail", detail).update();
    }
}
