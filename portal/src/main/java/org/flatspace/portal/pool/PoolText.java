package org.flatspace.portal.pool;

import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.migration.PlanKind;
import org.flatspace.provisioning.migration.PlannedMove;

/** How the pool's views say things. */
final class PoolText {

    private PoolText() {
    }

    static String state(HostState state) {
        return switch (state) {
            case ACTIVE -> "Active: takes instances";
            case DRAINING -> "Draining: its instances are moving away";
            case MAINTENANCE -> "In maintenance: takes no instances";
            case DOWN -> "Down: does not answer";
        };
    }

    static String kind(PlanKind kind) {
        return switch (kind) {
            case DRAIN -> "Drain";
            case RESTART -> "Restart after host failure";
            case BALANCE -> "Rebalance";
            case CONSOLIDATE -> "Consolidation";
        };
    }

    static String use(HostView h) {
        return h.allocVcpu() + " of " + h.vcpuLimit() + " vCPU, " + gib(h.allocMemoryMib()) + " of "
                + gib(h.memoryLimitMib()) + " GiB memory, " + h.allocDiskGib() + " of " + h.diskLimitGib() + " GiB disk";
    }

    static String timing(PlannedMove m) {
        if (m.tookMs() == null) {
            return "";
        }
        return m.tookMs() + " ms" + (m.downtimeMs() == null ? "" : " (paused " + m.downtimeMs() + " ms)");
    }

    static String gib(long mib) {
        return mib % 1024 == 0 ? String.valueOf(mib / 1024) : String.format("%.1f", mib / 1024.0);
    }
}
