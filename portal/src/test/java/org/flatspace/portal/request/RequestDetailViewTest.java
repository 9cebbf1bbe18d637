package org.flatspace.portal.request;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.portal.security.SignedIn;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.RequestDetails;
import org.flatspace.workflows.request.RequestStatus;
import org.flatspace.workflows.request.RequestSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;

/**
 * A failed provisioning on the request's page: administrators mark it reviewed; nobody else is
 * offered that. Actions on the request (withdraw, extend, release) are offered to its team only.
 */
class RequestDetailViewTest {

    private static final long REQUEST = 42;
    private static final RequestSummary FAILED = new RequestSummary(REQUEST, "alice", 1, "Payroll batch", "huge", 1,
            LocalDate.now().plusDays(30), RequestStatus.FAILED, "no room for the instances", Instant.now());

    private final BrowserlessUi ui = new BrowserlessUi();
    private CapacityRequestService requests;

    @BeforeEach
    void start() {
        requests = ui.mock(CapacityRequestService.class);
        ui.start();
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void anAdministrator_marksAFailureReviewed_andThePageShowsItDone() {
        FlatspaceUser admin = SignedIn.admin();
        SignedIn.as(admin);
        when(requests.details(any(), anyLong())).thenReturn(details(true), details(false));

        BrowserlessUi.open("requests/" + REQUEST);
        _click(_get(Button.class, spec -> spec.withId("review-failure")));

        verify(requests).reviewFailure(admin.toActor(), REQUEST);
        assertThat(_find(Button.class, spec -> spec.withId("review-failure"))).as("after the review").isEmpty();
    }

    @Test
    void aRefusedReview_saysWhy() {
        SignedIn.as(SignedIn.admin());
        when(requests.details(any(), anyLong())).thenReturn(Optional.of(details(true).orElseThrow()));
        doThrow(new NotAllowedException("This failure has been reviewed already"))
                .when(requests).reviewFailure(any(), anyLong());

        BrowserlessUi.open("requests/" + REQUEST);
        _click(_get(Button.class, spec -> spec.withId("review-failure")));

        NotificationsKt.expectNotifications("This failure has been reviewed already");
    }

    @Test
    void theTeam_seesTheFailure_butIsNotOfferedTheReview() {
        SignedIn.as(SignedIn.requester());
        when(requests.details(any(), anyLong())).thenReturn(details(true));

        BrowserlessUi.open("requests/" + REQUEST);

        assertThat(_find(Button.class, spec -> spec.withId("review-failure"))).isEmpty();
        verify(requests, never()).reviewFailure(any(), anyLong());
    }

    @Test
    void theTeam_isOfferedExtendAndRelease_onItsActiveRequest() {
        SignedIn.as(SignedIn.requester());
        when(requests.details(any(), anyLong())).thenReturn(active(true));

        BrowserlessUi.open("requests/" + REQUEST);

        assertThat(_find(Button.class, spec -> spec.withId("extend"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("release"))).hasSize(1);
    }

    @Test
    void anAdministratorReadingAnotherTeamsActiveRequest_isOfferedNoActionOnIt() {
        SignedIn.as(SignedIn.admin());
        when(requests.details(any(), anyLong())).thenReturn(active(false));

        BrowserlessUi.open("requests/" + REQUEST);

        assertThat(_find(Button.class, spec -> spec.withId("extend"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("release"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("withdraw"))).isEmpty();
    }

    private static Optional<RequestDetails> details(boolean toReview) {
        return Optional.of(new RequestDetails(FAILED, "month-end", List.of(), List.of(), toReview, true));
    }

    private static Optional<RequestDetails> active(boolean actorsTeam) {
        RequestSummary active = new RequestSummary(REQUEST, "alice", 1, "Payroll batch", "small", 1,
                LocalDate.now().plusDays(30), RequestStatus.ACTIVE, null, Instant.now());
        return Optional.of(new RequestDetails(active, "month-end", List.of(), List.of(), false, actorsTeam));
    }
}
