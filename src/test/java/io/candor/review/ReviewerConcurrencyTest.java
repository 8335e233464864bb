package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.render.ReviewJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Chat surfaces review on many threads at once; one shared Reviewer must give each the same answer. */
class ReviewerConcurrencyTest {
    private static final List<String> DRAFTS = List.of(
            "Subscribe to my channel", "Check this out!", "Thanks for sharing!",
            "Hi {first_name}, thanks for following! Check out our website.",
            "Our revolutionary new formula is guaranteed to 10x your sales", "Try our Pro plan, 50% off today! DM me",
            "We fixed the export bug this morning; thanks to everyone who sent screenshots.",
            "🎉 Big news: offline mode is live https://example.com/offline #launch #app #mobile #sync");

    @Test
    void manyThreadsGetTheSameReviewsAsOne() throws Exception {
        Reviewer reviewer = Reviewer.withDefaults();
        List<String> expected = new ArrayList<>();
        for (String d : DRAFTS) {
            expected.add(ReviewJson.toJson(null, reviewer.review(Draft.of(d).withReplyTo("Does it work offline?"))).toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < DRAFTS.size(); i++) {
                            String got = ReviewJson.toJson(null, reviewer.review(
                                    Draft.of(DRAFTS.get(i)).withReplyTo("Does it work offline?"))).toString();
                            if (!got.equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
