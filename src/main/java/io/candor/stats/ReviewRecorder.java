package io.candor.stats;

import io.candor.history.ReviewLog;
import io.candor.review.Draft;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.store.ReviewLogStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * Adds each remembered review to the team's daily counts: the day in the team's zone, the
 * writer, the platforms, the verdict and the rule ids. The draft's text is not kept.
 */
public final class ReviewRecorder implements ReviewLog {
    private final ReviewLogStore store;
    private final ZoneId zone;
    private final Clock clock;

    /** @param zone the team's (reminders.zone): days are counted there, as stats report them */
    public ReviewRecorder(ReviewLogStore store, ZoneId zone, Clock clock) {
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void reviewed(Draft draft, Review review, boolean firstLook) {
        List<String> rules = review.findings().stream().map(Finding::rule).distinct().toList();
        store.add(List.of(new ReviewLogStore.Entry(clock.instant().atZone(zone).toLocalDate(), draft.writer(),
                draft.platforms(), review.verdict().id(), firstLook, rules)));
    }
}
