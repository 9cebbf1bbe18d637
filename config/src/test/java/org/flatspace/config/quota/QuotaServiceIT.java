package org.flatspace.config.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flatspace.config.audit.AuditEntry;
import org.flatspace.config.audit.AuditFilter;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.team.TeamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class QuotaServiceIT {

    @Autowired
    QuotaService quotas;

    @Autowired
    TeamService teams;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditService audit;

    long team;

    @BeforeEach
    void newTeam() {
        team = teams.create("team-" + UUID.randomUUID()).id();
        quotas.setLimits(team, new Resources(8, 16384, 200, 4));
    }

    @Test
    void reservationWithinQuota_isGrantedAndCountedAsReserved() {
        Reservation r = quotas.reserve(team, key(), Resources.of(2, 2, 4096, 20));

        assertThat(r.granted()).isTrue();
        QuotaUsage usage = quotas.usage(team);
        assertThat(usage.reserved()).isEqualTo(new Resources(4, 8192, 40, 2));
        assertThat(usage.freeVcpu()).isEqualTo(4);
    }

    @Test
    void overQuotaRequest_isRefusedWithShortfallAndHoldsNothing() {
        Reservation r = quotas.reserve(team, key(), Resources.of(5, 2, 1024, 10));

        assertThat(r.granted()).isFalse();
        assertThat(r.shortfalls()).extracting(QuotaShortfall::describe)
                .containsExactly("needs 10 vCPU; the team has 8 free", "needs 5 instances; the team has 4 free");
        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.NONE);
        assertThat(r.describeShortfall()).startsWith("over quota: needs 10 vCPU");
    }

    @Test
    void reservationOfACallerThatRollsBack_isGivenBack() {
        String key = key();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            assertThat(quotas.reserve(team, key, Resources.of(2, 2, 1024, 10)).granted()).isTrue();
            throw new IllegalStateException("the caller fails after reserving");
        })).hasMessage("the caller fails after reserving");

        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotas.stateOf(key)).contains("RELEASED");
        assertThat(quotas.recount(team).drifted()).isFalse();
    }

    @Test
    void reservationOfACallerThatCommits_staysAndIsNotSwept() {
        String key = key();
        transactions.executeWithoutResult(tx -> quotas.reserve(team, key, Resources.of(1, 2, 1024, 10)));

        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.of(1, 2, 1024, 10));
        assertThat(quotas.reservedBefore(java.time.Instant.now().plusSeconds(1))).contains(key);
        assertThat(quotas.reservedBefore(java.time.Instant.now().minusSeconds(60))).doesNotContain(key);
    }

    @Test
    void reserveAllocateRelease_moveUsageOnceEvenWhenRepeated() {
        String key = key();
        Resources two = Resources.of(2, 1, 1024, 10);
        quotas.reserve(team, key, two);
        quotas.reserve(team, key, two);
        assertThat(quotas.usage(team).reserved()).isEqualTo(two);

        quotas.allocate(key);
        quotas.allocate(key);
        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.NONE);
        assertThat(quotas.usage(team).allocated()).isEqualTo(two);

        quotas.release(key);
        quotas.release(key);
        assertThat(quotas.usage(team).allocated()).isEqualTo(Resources.NONE);
        assertThat(quotas.stateOf(key)).contains("RELEASED");
    }

    @Test
    void repeatedReservation_staysGrantedWhenTheQuotaFilledUpMeanwhile_butAReleasedOneIsNotMadeAgain() {
        String key = key();
        Resources half = Resources.of(2, 2, 1024, 10); // 4 of the 8 vCPU, 2 of the 4 instances
        assertThat(quotas.reserve(team, key, half).granted()).isTrue();
        assertThat(quotas.reserve(team, key(), half).granted()).isTrue(); // the quota is full now

        assertThat(quotas.reserve(team, key, half).granted()).isTrue();
        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.of(4, 2, 1024, 10));

        quotas.release(key);
        assertThatThrownBy(() -> quotas.reserve(team, key, half)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was released");
        assertThat(quotas.usage(team).reserved()).isEqualTo(half);
    }

    @Test
    void releasingAReservation_freesItForTheNextRequest() {
        String first = key();
        quotas.reserve(team, first, Resources.of(4, 2, 1024, 10));
        assertThat(quotas.reserve(team, key(), Resources.of(1, 1, 1024, 10)).granted()).isFalse();

        quotas.release(first);

        assertThat(quotas.reserve(team, key(), Resources.of(1, 1, 1024, 10)).granted()).isTrue();
    }

    @Test
    void concurrentReservations_neverExceedTheQuota() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(() -> quotas.reserve(team, key(), Resources.of(1, 1, 1024, 10)).granted());
        }
        List<Future<Boolean>> results = pool.invokeAll(calls);
        pool.shutdown();

        long granted = 0;
        for (Future<Boolean> f : results) {
            granted += f.get() ? 1 : 0;
        }
        assertThat(granted).isEqualTo(4);
        assertThat(quotas.usage(team).reserved()).isEqualTo(Resources.of(4, 1, 1024, 10));
        assertThat(quotas.recount(team).drifted()).isFalse();
    }

    @Test
    void recount_findsUsageThatWasChangedBehindTheLedgersBack() {
        quotas.reserve(team, key(), Resources.of(1, 2, 1024, 10));
        jdbc.sql("update quota set resv_vcpu = resv_vcpu + 3 where team_id = :team").param("team", team).update();

        QuotaRecount recount = quotas.recount(team);

        assertThat(recount.drifted()).isTrue();
        assertThat(recount.storedReserved().vcpu()).isEqualTo(5);
        assertThat(recount.countedReserved().vcpu()).isEqualTo(2);
    }

    @Test
    void limitsChangedByAnAdmin_areAuditedWithWhatChanged() {
        String name = teams.team(team).orElseThrow().name();

        quotas.setLimits("ada", team, new Resources(16, 16384, 200, 4));
        quotas.raiseLimits("ada", team, new Resources(0, 0, 0, 2), "quota increase for request 7");

        assertThat(quotas.usage(team).limits()).isEqualTo(new Resources(16, 16384, 200, 6));
        assertThat(audit.find(AuditFilter.any().withText("team:" + name), 0, 10))
                .extracting(AuditEntry::who, AuditEntry::action, AuditEntry::outcome, AuditEntry::detail)
                .containsExactly(
                        tuple("ada", "quota.raise", AuditOutcome.SUCCESS,
                                "instances 4 -> 6 (quota increase for request 7)"),
                        tuple("ada", "quota.set", AuditOutcome.SUCCESS, "vCPU 8 -> 16"));
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }
}
