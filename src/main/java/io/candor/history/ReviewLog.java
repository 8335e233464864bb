package io.candor.history;

import io.candor.review.Draft;
import io.candor.review.Review;

/**
 * Told about every review a {@link HistoryReviewer} remembers, for team stats: the draft's
 * who, where and verdict, never its text (the implementation stores counts and rule ids).
 * {@code firstLook} is false when the writer reviewed a near-copy within
 * the day before: an edited draft asked again, not a new one.
 */
public interface ReviewLog {
    void reviewed(Draft draft, Review review, boolean firstLook);
}
