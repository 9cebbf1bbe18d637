package org.flatspace.portal.quota;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;

/** The quota form: limits checked beside their fields, and a limit below use asks first. */
class QuotaAdminViewTest {

    private static final TeamInfo PAYROLL = new TeamInfo(SignedIn.PAYROLL, "Payroll");
    /** 32 vCPU, 64 GiB, 1000 GiB, 16 instances; 8 vCPU allocated and 4 reserved. */
    private static final QuotaUsage USAGE = new QuotaUsage(SignedIn.PAYROLL, new Resources(32, 65536, 1000, 16),
            new Resources(8, 16384, 100, 4), new Resources(4, 8192, 50, 2));

    private final BrowserlessUi ui = new BrowserlessUi();
    private QuotaService quotas;

    @BeforeEach
    void openTheQuotasOfPayroll() {
        quotas = ui.mock(QuotaService.class);
        when(ui.mock(TeamService.class).teams()).thenReturn(List.of(PAYROLL));
        when(quotas.usage(SignedIn.PAYROLL)).thenReturn(USAGE);
        ui.start();
        SignedIn.as(SignedIn.admin());
        BrowserlessUi.open("admin/quotas");
        @SuppressWarnings("unchecked")
        Grid<QuotaAdminView.TeamQuota> grid = _get(Grid.class, spec -> spec.withId("quotas"));
        grid.select(GridKt._get(grid, 0));
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void aNegativeLimit_isRefusedBesideItsField_andNothingIsSaved() {
        _setValue(field("quota-vcpu"), -1);

        _click(_get(Button.class, spec -> spec.withId("save-quota")));

        assertThat(field("quota-vcpu").isInvalid()).isTrue();
        assertThat(field("quota-vcpu").getErrorMessage()).isEqualTo("Enter a whole number from 0 to 10,000,000");
        assertThat(field("quota-memory").isInvalid()).isFalse();
        verify(quotas, never()).setLimits(anyString(), anyLong(), any());
    }

    @Test
    void anEmptyLimit_isRefusedBesideItsField() {
        _setValue(field("quota-instances"), null);

        _click(_get(Button.class, spec -> spec.withId("save-quota")));

        assertThat(field("quota-instances").isInvalid()).isTrue();
        assertThat(field("quota-instances").getErrorMessage()).isEqualTo("Enter a whole number from 0 to 10,000,000");
        verify(quotas, never()).setLimits(anyString(), anyLong(), any());
    }

    @Test
    void aLimitBelowWhatTheTeamUses_asksFirst_andIsSavedOnlyWhenConfirmed() {
        _setValue(field("quota-vcpu"), 10);

        _click(_get(Button.class, spec -> spec.withId("save-quota")));

        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-below-use"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("vCPU (uses 12)").contains("Nothing running is stopped");
        verify(quotas, never()).setLimits(anyString(), anyLong(), any());

        ConfirmDialogKt._fireConfirm(confirm);

        verify(quotas).setLimits("admin", SignedIn.PAYROLL, new Resources(10, 65536, 1000, 16));
    }

    @Test
    void aLimitThatHoldsWhatTheTeamUses_isSavedWithoutAsking() {
        _setValue(field("quota-vcpu"), 40);

        _click(_get(Button.class, spec -> spec.withId("save-quota")));

        assertThat(_find(ConfirmDialog.class)).isEmpty();
        verify(quotas).setLimits("admin", SignedIn.PAYROLL, new Resources(40, 65536, 1000, 16));
    }

    private static IntegerField field(String id) {
        return _get(IntegerField.class, spec -> spec.withId(id));
    }
}
