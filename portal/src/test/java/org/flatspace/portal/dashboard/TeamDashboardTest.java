package org.flatspace.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.workflows.request.FunctionCapacity;
import org.junit.jupiter.api.Test;

class TeamDashboardTest {

    private final QuotaUsage usage = new QuotaUsage(1, new Resources(32, 65536, 1000, 16),
            new Resources(8, 16384, 160, 4), new Resources(4, 8192, 80, 2));

    @Test
    void quotaLines_showUsedReservedAndFreeInTheUnitsPeopleRead() {
        assertThat(TeamDashboardView.quotaLines(usage)).containsExactly(
                new TeamDashboardView.QuotaLine("vCPU", 8, 4, 20, 32),
                new TeamDashboardView.QuotaLine("Memory (GiB)", 16, 8, 40, 64),
                new TeamDashboardView.QuotaLine("Disk (GiB)", 160, 80, 760, 1000),
                new TeamDashboardView.QuotaLine("Instances", 4, 2, 10, 16));
    }

    @Test
    void functionLines_listEveryFunction_withItsActiveCapacityOrNone() {
        TierInfo silver = new TierInfo(1, "silver", false, true, true, 2.0);
        List<FunctionInfo> functions = List.of(new FunctionInfo(1, 1, "Payroll batch", silver),
                new FunctionInfo(2, 1, "Payroll API", silver));
        List<FunctionCapacity> active = List.of(
                new FunctionCapacity("Payroll batch", 2, 5, LocalDate.parse("2027-01-15")));

        assertThat(TeamDashboardView.functionLines(functions, active)).containsExactly(
                new TeamDashboardView.FunctionLine(1, "Payroll batch", "silver", 2, 5, LocalDate.parse("2027-01-15")),
                new TeamDashboardView.FunctionLine(2, "Payroll API", "silver", 0, 0, null));
    }

    @Test
    void quotaChart_isAnSvgWithTheThreeParts() {
        String svg = QuotaChart.svg(usage);

        assertThat(svg).startsWith("<svg").contains("Allocated").contains("Reserved").contains("Free")
                .contains("vCPU").contains("Instances");
    }
}
