package io.candor.stats;

import io.candor.stats.StatsReport.Kind;
import io.candor.store.ReviewLogStore;
import java.util.Arrays;
import java.util.List;

/** The counts of one row of a report (the team, a person, a platform) while it is being made. */
final class ScopeTally {
    final Kind kind;
    final String key;
    final String name;
    private int received;
    private int dismissed;
    private int decided;
    private int within;
    private int open;
    private final int[] bands;
    private final ReplyHours replyHours = new ReplyHours();
    private int reviewed;
    private int ready;
    private int anotherLook;
    private int rethink;
    private int firstLooks;
    private int firstReady;

    ScopeTally(Kind kind, String key, String name, int bandCount) {
        this.kind = kind;
        this.key = key;
        this.name = name;
        this.bands = new int[bandCount];
    }

    /** A mention received in the period: answered after {@code took} hours (null: not answered). */
    void received(Double took, boolean dismissedNow, boolean waitingPastTarget, double target) {
        received++;
        if (took != null) {
            replyHours.add(took);
            decided++;
            within += took <= target ? 1 : 0;
        } else if (dismissedNow) {
            dismissed++;
        } else if (waitingPastTarget) {
            decided++;
        }
    }

    /** A mention waiting now, in age band {@code band}. */
    void waiting(int band) {
        open++;
        bands[band]++;
    }

    void add(ReviewLogStore.DayCount d) {
        reviewed += d.reviews();
        ready += d.ready();
        anotherLook += d.anotherLook();
        rethink += d.rethink();
        firstLooks += d.firstLooks();
        firstReady += d.firstReady();
    }

    StatsReport.Scope scope() {
        List<Integer> b = Arrays.stream(bands).boxed().toList();
        return new StatsReport.Scope(kind, key, name,
                new StatsReport.Replies(received, replyHours.size(), dismissed, replyHours.percentile(0.5),
                        replyHours.percentile(0.9), decided == 0 ? null : (double) within / decided, open, b),
                new StatsReport.Drafts(reviewed, ready, anotherLook, rethink, firstLooks, firstReady));
    }
}
