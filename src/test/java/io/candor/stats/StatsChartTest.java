package io.candor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.data.general.DatasetUtils;
import org.junit.jupiter.api.Test;

/** Issue 22, point 8: a chart with nothing to show has no negative hours and says "no data" in words. */
class StatsChartTest {
    @Test
    void weeksWithNoRepliesHaveNoNegativeHoursAndSayNoData() {
        try (StatsRig rig = new StatsRig(Instant.parse("2026-11-23T10:00:00Z"))) {
            StatsReport r = rig.report("4w", null, Optional.empty(), Optional.empty(), true);
            JFreeChart chart = new StatsChart(rig.team.reviewer.prompts()).chart(r);
            chart.createBufferedImage(StatsChart.WIDTH, StatsChart.HEIGHT); // lays the axes out as the PNG does
            CombinedDomainCategoryPlot plot = (CombinedDomainCategoryPlot) chart.getPlot();
            CategoryPlot replies = (CategoryPlot) plot.getSubplots().get(0);
            CategoryPlot drafts = (CategoryPlot) plot.getSubplots().get(1);
            ValueAxis hours = replies.getRangeAxis();
            assertThat(hours.getLowerBound()).isEqualTo(0.0);
            assertThat(hours.getUpperBound()).isGreaterThan(4.0); // the 4 h target still shows
            assertThat(DatasetUtils.isEmptyOrNull(replies.getDataset())).isTrue();
            assertThat(replies.getNoDataMessage()).isEqualTo("No data: no mention was answered in these weeks");
            assertThat(drafts.getNoDataMessage()).isEqualTo("No data: no draft was reviewed in these weeks");
            assertThat(new StatsChart(rig.team.reviewer.prompts()).png(r)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
