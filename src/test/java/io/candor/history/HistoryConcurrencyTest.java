package io.candor.history;

import static io.candor.history.Fixture.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.candor.review.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Chat bots review many drafts at once: none may be lost and the index must stay whole. */
class HistoryConcurrencyTest {
    @Test
    void manyReviewersAtOnce() throws Exception {
        Fixture fx = new Fixture();
        try (History h = fx.history) {
            HistoryReviewer reviewer = fx.reviewer(true);
            int threads = 8;
            int each = 60;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                jobs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        reviewer.review(draft(text(tt, i), "w" + tt, "cli"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : jobs) {
                f.get();
            }
            pool.shutdown();
            assertThat(h.store().orElseThrow().count()).isEqualTo(threads * each);
            assertThat(h.indexed()).isEqualTo(threads * each);
            // every post is there to be found: a copy of any of them is a repeat
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < each; i += 7) {
                    assertThat(fx.reviewer(false).review(draft(text(t, i), "someone", "cli")).findings())
                            .extracting(Finding::rule).contains("broadcast.repeat");
                }
            }
        }
    }

    private static String text(int t, int i) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(t * 1000L + i);
        StringBuilder sb = new StringBuilder("Update");
        for (int w = 0; w < 10; w++) {
            sb.append(" word").append(r.nextInt(100_000));
        }
        return sb.toString();
    }
}
