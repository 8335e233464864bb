package io.candor.stats;

import io.candor.store.ReviewLogStore;
import java.time.LocalDate;

/** One week's counts for the trend: drafts and their first looks, and reply times. */
final class WeekTally {
    private int reviewed;
    private int firstLooks;
    private int firstReady;
    final ReplyHours replyHours = new ReplyHours();

    void add(ReviewLogStore.DayCount d) {
        reviewed += d.reviews();
        firstLooks += d.firstLooks();
        firstReady += d.firstReady();
    }

    StatsReport.Week week(LocalDate start) {
        return new StatsReport.Week(start, reviewed, firstLooks, firstReady, replyHours.size(), replyHours.percentile(0.5));
    }
}
