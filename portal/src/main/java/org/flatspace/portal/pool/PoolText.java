package org.flatspace.portal.pool;

import org.flatspace.portal.i18n.Texts;
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
            case ACTIVE -> Texts.of("pool.host-state.active");
            case DRAINING -> Texts.of("pool.host-state.draining");
            case MAINTENANCE -> Texts.of("pool.host-state.maintenance");
            case DOWN -> Texts.of("pool.host-state.down");
        };
    }

    static String kind(PlanKind kind) {
        return switch (kind) {
            case DRAIN -> Texts.of("pool.plan-kind.drain");
            case RESTART -> Texts.of("pool.plan-kind.restart");
            case BALANCE -> Texts.of("pool.plan-kind.balance");
            case CONSOLIDATE -> Texts.of("pool.plan-kind.consolidate");
        };
    }

    static String use(HostView h) {
        return Texts.of("pool.use", h.allocVcpu(), h.vcpuLimit(), gib(h.allocMemoryMib()), gib(h.memoryLimitMib()),
                h.allocDiskGib(), h.diskLimitGib());
    }

    static String timing(PlannedMove m) {
        if (m.tookMs() == null) {
            return "";
        }
        return m.downtimeMs() == null ? Texts.of("pool.move.took", m.tookMs())
                : Texts.of("pool.move.took-paused", m.tookMs(), m.downtimeMs());
    }

    /** Memory in GiB: whole when it is, else one decimal, in the UI's locale. */
    static String gib(long mib) {
        return Texts.number(mib / 1024.0);
    }
}
