package org.flatspace.portal.request;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.util.List;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.quota.QuotaService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.request.RequestCapacityView.PreviewLine;
import org.flatspace.portal.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * The request form's live preview of the quota: what the request takes per resource, what is free
 * now and after it, updated as the size and the number change, and what it lacks when over quota.
 */
class RequestCapacityViewTest {

    private static final SizeInfo MEDIUM = new SizeInfo(2, "medium", 2, 4096, 40);
    private static final FunctionInfo BATCH = new FunctionInfo(1, 1, "Payroll batch",
            new TierInfo(1, "silver", false, true, true, 2.0));
    /** 32 vCPU, 64 GiB, 1,000 GiB disk, 16 instances; 24 vCPU and 20 GiB in use or reserved. */
    private static final QuotaUsage PAYROLL = new QuotaUsage(1, new Resources(32, 65536, 1000, 16),
            new Resources(20, 16384, 200, 5), new Resources(4, 4096, 40, 2));

    private final BrowserlessUi ui = new BrowserlessUi();

    @BeforeEach
    void start() {
        CatalogService catalog = ui.mock(CatalogService.class);
        QuotaService quotas = ui.mock(QuotaService.class);
        when(catalog.functionsOf(anyLong())).thenReturn(List.of(BATCH));
        when(catalog.sizes()).thenReturn(List.of(MEDIUM));
        when(quotas.usage(anyLong())).thenReturn(PAYROLL);
        ui.start();
        SignedIn.as(SignedIn.requester());
        BrowserlessUi.open("request");
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void beforeASizeIsChosen_thePreviewSaysWhatItNeeds() {
        assertThat(verdict()).isEqualTo(
                "Choose a size and a number of instances to see the quota this request uses.");
        assertThat(_find(Grid.class, spec -> spec.withId("quota-preview"))).as("the preview's table, shown").isEmpty();
    }

    @Test
    void aRequestWithinTheQuota_showsWhatItTakesAndWhatIsLeft() {
        _setValue(_get(ComboBox.class, spec -> spec.withId("size")), MEDIUM);
        _setValue(_get(IntegerField.class, spec -> spec.withId("count")), 3);

        assertThat(verdict()).startsWith("Within your team's quota");
        assertThat(GridKt._size(preview())).isEqualTo(4);
        assertThat(line(0)).isEqualTo(new PreviewLine("vCPU", "6", "8", "2", false));
        assertThat(line(1)).isEqualTo(new PreviewLine("Memory (GiB)", "12", "44", "32", false));
        assertThat(line(2)).isEqualTo(new PreviewLine("Disk (GiB)", "120", "760", "640", false));
        assertThat(line(3)).isEqualTo(new PreviewLine("Instances", "3", "9", "6", false));
    }

    @Test
    void aRequestOverTheQuota_namesWhatItLacks_andSaysItCanStillBeSubmitted() {
        _setValue(_get(ComboBox.class, spec -> spec.withId("size")), MEDIUM);
        _setValue(_get(IntegerField.class, spec -> spec.withId("count")), 5);

        assertThat(verdict()).isEqualTo("Over your team's quota: vCPU: needs 10, 8 free. You can still submit it;"
                + " it then waits, and you can ask for a quota increase on its page.");
        assertThat(line(0)).isEqualTo(new PreviewLine("vCPU", "10", "8", "-2", true));
    }

    private static String verdict() {
        return _get(Paragraph.class, spec -> spec.withId("quota-verdict")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<PreviewLine> preview() {
        return _get(Grid.class, spec -> spec.withId("quota-preview"));
    }

    private static PreviewLine line(int row) {
        return GridKt._get(preview(), row);
    }
}
