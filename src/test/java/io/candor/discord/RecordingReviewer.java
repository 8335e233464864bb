package io.candor.discord;

import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real reviewer, plus a record of every draft it was handed (what the history would
 * remember) and a gate a test can close to make a review slow without sleeping.
 */
final class RecordingReviewer implements DraftReviewer {
    final Reviewer real = Reviewer.withDefaults();
    final List<Draft> drafts = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public Review review(Draft draft, Collection<String> mutedRules) {
        drafts.add(draft);
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return real.review(draft, mutedRules);
    }
}
