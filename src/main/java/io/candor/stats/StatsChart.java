package io.candor.stats;

import io.candor.prompts.Prompts;
import io.candor.stats.StatsReport.Week;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's trend as a PNG: median reply time per week (bars, with the target as a line)
 * above the share of new drafts ready at first review (a line per series). Drawn headless
 * with JFreeChart; weeks with no data are left empty, not drawn as zero.
 */
public final class StatsChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final Color TEAM = new Color(0x2B, 0x6C, 0xB0);
    private static final Color PERSON = new Color(0xDD, 0x6B, 0x20);
    private static final Color TARGET = new Color(0xC5, 0x30, 0x30);

    private final Prompts prompts;

    public StatsChart(Prompts prompts) {
        this.prompts = prompts;
    }

    public byte[] png(StatsReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, chart(r), WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart itself: two panels over the same weeks; an empty panel says so in words. */
    JFreeChart chart(StatsReport r) {
        DefaultCategoryDataset reply = new DefaultCategoryDataset();
        DefaultCategoryDataset ready = new DefaultCategoryDataset();
        String team = say("team");
        add(reply, ready, team, r.teamWeeks());
        if (r.person().isPresent() && !r.personWeeks().isEmpty()) {
            add(reply, ready, r.person().get(), r.personWeeks());
        }
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

        NumberAxis hours = new NumberAxis(say("reply-axis"));
        hours.setLabelFont(label);
        hours.setUpperMargin(0.15);
        hours.setRangeType(RangeType.POSITIVE); // no reply takes less than no time, even with nothing to show
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, TEAM);
        bars.setSeriesPaint(1, PERSON);
        bars.setMaximumBarWidth(0.08);
        CategoryPlot top = new CategoryPlot(reply, null, hours, bars);
        ValueMarker target = new ValueMarker(r.targetHours(), TARGET, new BasicStroke(2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        target.setLabel(say("target") + " " + StatsText.num(r.targetHours()) + " h");
        target.setLabelFont(label);
        target.setLabelPaint(TARGET);
        target.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        target.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        top.addRangeMarker(target);
        if (r.targetHours() > 0) {
            hours.setAutoRangeMinimumSize(r.targetHours() * 1.3);
        }

        NumberAxis percent = new NumberAxis(say("ready-axis"));
        percent.setLabelFont(label);
        percent.setRange(0, 100);
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, TEAM);
        lines.setSeriesPaint(1, PERSON);
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesStroke(1, new BasicStroke(2.5f));
        lines.setDefaultSeriesVisibleInLegend(false); // the bars above name the same series
        CategoryPlot bottom = new CategoryPlot(ready, null, percent, lines);

        CategoryAxis weeks = new CategoryAxis(say("week-axis"));
        weeks.setLabelFont(label);
        if (r.teamWeeks().size() > 12) {
            weeks.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(weeks);
        plot.setGap(14);
        plot.add(top, 1);
        plot.add(bottom, 1);
        for (CategoryPlot p : List.of(top, bottom)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        }
        top.setNoDataMessage(say("no-replies"));
        bottom.setNoDataMessage(say("no-drafts"));
        for (CategoryPlot p : List.of(top, bottom)) {
            p.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.ITALIC, 14));
            p.setNoDataMessagePaint(Color.DARK_GRAY);
        }
        JFreeChart chart = new JFreeChart(say("title"), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The words a screen reader gets for the chart (Slack's alt text). */
    public String altText() {
        return say("alt");
    }

    private static void add(DefaultCategoryDataset reply, DefaultCategoryDataset ready, String series, List<Week> weeks) {
        for (Week w : weeks) {
            String week = WEEK.format(w.start());
            reply.addValue(w.medianReplyHours(), series, week);
            Double share = w.readyAtFirst();
            ready.addValue(share == null ? null : share * 100, series, week);
        }
    }

    private String say(String key) {
        return prompts.render("stats:chart." + key);
    }
}
