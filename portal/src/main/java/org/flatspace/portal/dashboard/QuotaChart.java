package org.flatspace.portal.dashboard;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;

import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.portal.i18n.Texts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * A team's quota as a stacked bar per resource: allocated, reserved and free, as shares of the
 * limit. Drawn on the server as SVG (JFreeChart + JFreeSVG): the portal's front-end bundle cannot
 * be rebuilt, so no client-side chart library.
 */
final class QuotaChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;

    private QuotaChart() {
    }

    static String svg(QuotaUsage usage) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        add(data, Texts.of("dashboard.chart.vcpu"), usage.allocated().vcpu(), usage.reserved().vcpu(),
                usage.limits().vcpu());
        add(data, Texts.of("dashboard.chart.memory"), usage.allocated().memoryMib(), usage.reserved().memoryMib(),
                usage.limits().memoryMib());
        add(data, Texts.of("dashboard.chart.disk"), usage.allocated().diskGib(), usage.reserved().diskGib(),
                usage.limits().diskGib());
        add(data, Texts.of("dashboard.chart.instances"), usage.allocated().instances(), usage.reserved().instances(),
                usage.limits().instances());
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, Texts.of("dashboard.chart.axis"), data,
                PlotOrientation.HORIZONTAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1676F3));
        renderer.setSeriesPaint(1, new Color(0xFFB020));
        renderer.setSeriesPaint(2, new Color(0xE3E8EF));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return svg.getSVGElement();
    }

    private static void add(DefaultCategoryDataset data, String resource, long allocated, long reserved, long limit) {
        double allocatedShare = share(allocated, limit);
        double reservedShare = Math.min(share(reserved, limit), 100 - allocatedShare);
        data.addValue(allocatedShare, Texts.of("dashboard.chart.allocated"), resource);
        data.addValue(reservedShare, Texts.of("dashboard.chart.reserved"), resource);
        data.addValue(Math.max(0, 100 - allocatedShare - reservedShare), Texts.of("dashboard.chart.free"), resource);
    }

    private static double share(long used, long limit) {
        return limit <= 0 ? (used > 0 ? 100 : 0) : Math.min(100, 100.0 * used / limit);
    }
}
