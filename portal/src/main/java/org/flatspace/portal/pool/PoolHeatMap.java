package org.flatspace.portal.pool;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flatspace.portal.i18n.Texts;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.host.HostView;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * The pool at a glance: one square per host, a row per fault domain, coloured by the host's most
 * used resource (its dominant share: green empty, amber half, red full); hosts that take no
 * instances are grey (down) or outlined in blue (draining, maintenance). Each square's title
 * names the host and its use. Drawn on the server as SVG with JFreeSVG, like the other charts.
 */
final class PoolHeatMap {

    static final int CELL = 16;
    static final int GAP = 3;
    static final int PER_ROW = 40;
    private static final int LABEL = 110;
    private static final int LEGEND = 28;
    private static final Color DOWN = new Color(0x9AA5B1);
    private static final Color OUT = new Color(0x1676F3);

    private PoolHeatMap() {
    }

    static String svg(List<HostView> hosts) {
        Map<String, List<HostView>> byDomain = new TreeMap<>();
        for (HostView host : hosts) {
            byDomain.computeIfAbsent(host.faultDomain() == null ? Texts.of("pool.heatmap.no-fault-domain") : host.faultDomain(),
                    d -> new java.util.ArrayList<>()).add(host);
        }
        int rows = byDomain.values().stream().mapToInt(l -> (l.size() + PER_ROW - 1) / PER_ROW).sum();
        int width = LABEL + PER_ROW * (CELL + GAP);
        int height = Math.max(1, rows) * (CELL + GAP) + LEGEND;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int row = 0;
        for (Map.Entry<String, List<HostView>> domain : byDomain.entrySet()) {
            g.setColor(Color.DARK_GRAY);
            g.drawString(domain.getKey(), 0, row * (CELL + GAP) + CELL - 4);
            List<HostView> members = domain.getValue();
            for (int i = 0; i < members.size(); i++) {
                int x = LABEL + (i % PER_ROW) * (CELL + GAP);
                int y = (row + i / PER_ROW) * (CELL + GAP);
                cell(g, members.get(i), x, y);
            }
            row += (members.size() + PER_ROW - 1) / PER_ROW;
        }
        legend(g, Math.max(1, rows) * (CELL + GAP) + 6);
        return g.getSVGElement();
    }

    private static void cell(SVGGraphics2D g, HostView host, int x, int y) {
        g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, Texts.of("pool.heatmap.cell", host.name(), state(host.state()),
                Math.round(100 * share(host)), PoolText.use(host)));
        g.setColor(host.state() == HostState.DOWN ? DOWN : heat(share(host)));
        g.fillRect(x, y, CELL, CELL);
        if (host.state() == HostState.DRAINING || host.state() == HostState.MAINTENANCE) {
            g.setColor(OUT);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(x + 1, y + 1, CELL - 2, CELL - 2);
        }
    }

    private static void legend(SVGGraphics2D g, int y) {
        g.setColor(Color.DARK_GRAY);
        g.drawString(Texts.of("pool.heatmap.legend.use"), 0, y + 11);
        for (int i = 0; i <= 10; i++) {
            g.setColor(heat(i / 10.0));
            g.fillRect(40 + i * 12, y, 12, 12);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(Texts.of("pool.heatmap.legend.range"), 40 + 11 * 12 + 6, y + 11);
        g.setColor(DOWN);
        g.fillRect(260, y, 12, 12);
        g.setColor(Color.DARK_GRAY);
        g.drawString(Texts.of("pool.heatmap.legend.down"), 276, y + 11);
        g.setColor(OUT);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(320, y + 1, 10, 10);
        g.setColor(Color.DARK_GRAY);
        g.drawString(Texts.of("pool.heatmap.legend.out"), 336, y + 11);
    }

    private static String state(HostState state) {
        return switch (state) {
            case ACTIVE -> Texts.of("pool.heatmap.state.active");
            case DRAINING -> Texts.of("pool.heatmap.state.draining");
            case MAINTENANCE -> Texts.of("pool.heatmap.state.maintenance");
            case DOWN -> Texts.of("pool.heatmap.state.down");
        };
    }

    /** The share of the host's most used resource, 0 to 1. */
    static double share(HostView h) {
        return Math.min(1.0, Math.max(ratio(h.allocVcpu(), h.vcpuLimit()),
                Math.max(ratio(h.allocMemoryMib(), h.memoryLimitMib()), ratio(h.allocDiskGib(), h.diskLimitGib()))));
    }

    /** Green at 0, amber at 0.5, red at 1. */
    static Color heat(double share) {
        double s = Math.max(0, Math.min(1, share));
        Color from = s < 0.5 ? new Color(0x2E9E5B) : new Color(0xF0A020);
        Color to = s < 0.5 ? new Color(0xF0A020) : new Color(0xD83A34);
        double t = s < 0.5 ? s * 2 : (s - 0.5) * 2;
        return new Color((int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
    }

    private static double ratio(long used, long limit) {
        return limit <= 0 ? (used > 0 ? 1 : 0) : (double) used / limit;
    }
}
