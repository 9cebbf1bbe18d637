package org.flatspace.portal.approval;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.approval.ApprovalInboxView.QuotaLine;
import org.flatspace.portal.security.SignedIn;
import org.flatspace.workflows.request.ApprovalKind;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.flatspace.workflows.request.DecisionContext;
import org.flatspace.workflows.request.RequestStatus;
import org.flatspace.workflows.request.RequestSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;

/** A manager opening a decision sees what it costs: the team's quota beside it, and the team's latest requests. */
class ApprovalInboxViewTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final RequestSummary ASKED = new RequestSummary(42, "alice", 2, "Payroll API", "medium", 2,
            LocalDate.of(2027, 2, 28), RequestStatus.PENDING_APPROVAL, null, NOW);
    private static final RequestSummary EARLIER = new RequestSummary(41, "alice", 1, "Payroll batch", "small", 3,
            LocalDate.of(2027, 1, 31), RequestStatus.ACTIVE, null, NOW.minusSeconds(3600));

    private final BrowserlessUi ui = new BrowserlessUi();

    @BeforeEach
    void start() {
        ApprovalService approvals = ui.mock(ApprovalService.class);
        when(approvals.inbox(any())).thenReturn(List.of(new ApprovalTask("t42", ApprovalKind.MANAGER, ASKED,
                "a second API node", new Resources(4, 8192, 80, 2), null, NOW, null, false)));
        // 32 vCPU: 20 allocated, 6 reserved (this request's 4 among them)
        when(approvals.context(any(), eq("t42"))).thenReturn(new DecisionContext("Payroll",
                new QuotaUsage(1, new Resources(32, 65536, 1000, 16), new Resources(20, 40960, 400, 6),
                        new Resources(6, 12288, 120, 3)), List.of(EARLIER)));
        ui.start();
        SignedIn.as(SignedIn.manager());
        BrowserlessUi.open("approvals");
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void openingADecision_showsTheTeamsQuotaBesideWhatItTakes_andTheTeamsLatestRequests() {
        Grid<ApprovalTask> inbox = grid("approvals");
        inbox.select(GridKt._get(inbox, 0));

        Grid<QuotaLine> quota = grid("decision-quota");
        assertThat(GridKt._size(quota)).isEqualTo(4);
        assertThat(GridKt._get(quota, 0)).isEqualTo(new QuotaLine("vCPU", "4", "20", "6", "6", "32"));
        assertThat(GridKt._get(quota, 1)).isEqualTo(new QuotaLine("Memory (GiB)", "8", "40", "12", "12", "64"));
        Grid<RequestSummary> history = grid("team-history");
        assertThat(GridKt._size(history)).isEqualTo(1);
        assertThat(GridKt._get(history, 0).id()).isEqualTo(41);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }
}
