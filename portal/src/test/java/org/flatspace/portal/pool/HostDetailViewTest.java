package org.flatspace.portal.pool;

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

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.security.SignedIn;
import org.flatspace.provisioning.host.HostOverhead;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.HypervisorType;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.pool.HostMaintenanceService;
import org.flatspace.workflows.pool.HostOverview;
import org.flatspace.workflows.pool.HostStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;

/** The host page's actions: offered by the host's state, refusals explained, fencing confirmed first. */
class HostDetailViewTest {

    private static final long HOST = 7;
    private static final Actor ADMIN = SignedIn.admin().toActor();

    private final BrowserlessUi ui = new BrowserlessUi();
    private HostMaintenanceService maintenance;

    @BeforeEach
    void start() {
        maintenance = ui.mock(HostMaintenanceService.class);
        ui.start();
        SignedIn.as(SignedIn.admin());
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void anActiveHost_offersADrain_thatAsksTheServiceForAPlan() {
        host(HostState.ACTIVE, HostStep.NONE);

        _click(button("drain"));

        verify(maintenance).drain(ADMIN, HOST);
        NotificationsKt.expectNotifications("Plan ready: check it and confirm");
    }

    @Test
    void aRefusedDrain_saysWhy_andTheHostStaysAsItWas() {
        host(HostState.ACTIVE, HostStep.NONE);
        doThrow(new IllegalStateException("demo-a1 is the last active host of its hypervisor type"))
                .when(maintenance).drain(ADMIN, HOST);

        _click(button("drain"));

        NotificationsKt.expectNotifications("demo-a1 is the last active host of its hypervisor type");
        assertThat(_get(Span.class, spec -> spec.withId("host-state")).getText()).isEqualTo(PoolText.state(HostState.ACTIVE));
    }

    @Test
    void aHostInMaintenance_offersToLeaveIt_andNoDrain() {
        host(HostState.MAINTENANCE, HostStep.NONE);

        assertThat(_find(Button.class, spec -> spec.withId("drain"))).isEmpty();
        _click(button("leave-maintenance"));

        verify(maintenance).leaveMaintenance(ADMIN, HOST);
    }

    @Test
    void confirmingThatADownHostIsOff_asksFirst_andFencesOnlyOnConfirmation() {
        host(HostState.DOWN, HostStep.CONFIRM_FENCING);

        _click(button("confirm-fencing"));

        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("confirm-fencing-dialog"));
        assertThat(ConfirmDialogKt._getText(dialog)).contains("would run twice");
        verify(maintenance, never()).confirmFencing(any(), anyLong());

        ConfirmDialogKt._fireConfirm(dialog);

        verify(maintenance).confirmFencing(ADMIN, HOST);
    }

    @Test
    void aHostThatDoesNotExist_readsNotFound() {
        when(maintenance.overview(ADMIN, 404)).thenThrow(new IllegalArgumentException("No host with id 404"));

        Component page = BrowserlessUi.open("admin/hosts/404");

        assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText()).isEqualTo("Host not found");
        assertThat(_find(page, Button.class)).as("actions on the page").isEmpty();
    }

    private void host(HostState state, HostStep step) {
        HostView host = new HostView(HOST, "demo-a1", "test:///demo-a1.xml", HypervisorType.TEST, state, 16, 65536,
                500, 2.0, "rack-a", 4, 8192, 40, 1.0, 1.0, HostOverhead.NONE, Set.of());
        when(maintenance.overview(ADMIN, HOST)).thenReturn(new HostOverview(host, step == HostStep.CONFIRM_FENCING,
                List.of(), Optional.empty(), step, List.of(), List.of()));
        BrowserlessUi.open("admin/hosts/" + HOST);
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}
