package io.candor.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LshIndexTest {
    private final Shingler shingler = new Shingler(12, List.of("reposting"));
    private final MinHash minHash = new MinHash(128);

    private byte[] sig(String text) {
        return minHash.signature(shingler.shingles(text).hashes());
    }

    @Test
    void findsTheNearCopyAndNotTheNeighbour() {
        LshIndex index = new LshIndex(16, 4, 128, 4);
        index.add(1, sig("We're hiring a community lead in Lisbon. You'll run our forum, meetups and newsletter."), 60_000, 0, "Joe", "t1");
        index.add(2, sig("Our office will be closed on Friday for the team retreat."), 120_000, 0, "Ana", "t1");
        for (int i = 0; i < 3000; i++) { // enough to make the tables grow several times
            index.add(100 + i, sig("Post number " + i + " talks about topic " + (i * 7919 % 1000) + " at length today"), 180_000, 0, "x", "t1");
        }
        List<LshIndex.Match> m = index.similar(sig("Reposting: we're hiring a community lead in Lisbon! You'll run our forum, meetups and newsletter 🙌"),
                "t1", 0.6, 0, 5);
        assertThat(m).extracting(LshIndex.Match::postId).containsExactly(1L);
        assertThat(m.get(0).author()).isEqualTo("Joe");
        assertThat(index.similar(sig("We're hiring a designer in Berlin to shape our app."), "t1", 0.6, 0, 5)).isEmpty();
        // another team's history is not this team's
        assertThat(index.similar(sig("Our office will be closed on Friday for the team retreat."), "t2", 0.6, 0, 5)).isEmpty();
        // only posts since the given time
        assertThat(index.similar(sig("Our office will be closed on Friday for the team retreat."), "t1", 0.6, 180_000, 5)).isEmpty();
        assertThat(index.size()).isEqualTo(3002);
    }

    @Test
    void aPostCopiedHundredsOfTimesIsFoundWithEveryCopyNewestFirst() {
        LshIndex index = new LshIndex(16, 4, 128, 16);
        String spam = "Get 100 followers a day using our app, once you add everyone you are on the train";
        for (int i = 0; i < 500; i++) {
            index.add(i, sig(i % 2 == 0 ? spam : "RT @user" + i + ": " + spam + " https://t.co/" + i), 60_000L * i, 0, "bot", "");
        }
        index.add(999, sig(spam + " or pay for vip"), 60_000L * 600, 0, "bot", "");
        List<LshIndex.Match> all = index.similar(sig(spam), "", 0.6, 0, 10_000);
        assertThat(all).hasSize(501);
        assertThat(all.get(0).postId()).isEqualTo(498); // the newest exact copy comes first ("RT" is not dropped here)
        assertThat(all.get(500).postId()).isEqualTo(999); // the near-copy is less alike
        assertThat(index.size()).isEqualTo(501);
    }

    @Test
    void forgottenPostsAreNotFound() {
        LshIndex index = new LshIndex(16, 4, 128, 4);
        index.add(7, sig("Old announcement about the spring sale starting next week"), 60_000, 0, "a", "");
        index.add(8, sig("Old announcement about the spring sale starting next week!"), 600_000, 0, "b", "");
        assertThat(index.forgetOlderThan(120_000)).isEqualTo(1);
        assertThat(index.similar(sig("Old announcement about the spring sale starting next week"), "", 0.6, 0, 5))
                .extracting(LshIndex.Match::postId).containsExactly(8L);
    }

    /** A post of twelve words drawn from a large vocabulary: unlike every other one. */
    private static String distinct(long id) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(id);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 12; w++) {
            sb.append("w").append(r.nextInt(50_000)).append(' ');
        }
        return sb.toString();
    }

    @Test
    void manyWritersAndReadersAtOnceLoseNothing() throws Exception {
        LshIndex index = new LshIndex(16, 4, 128, 16);
        int threads = 8;
        int each = 400;
        Set<Long> missed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int tt = t;
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    long id = tt * 10_000L + i;
                    byte[] s = sig(distinct(id));
                    index.add(id, s, id, 0, "w" + tt, "team");
                    boolean found = index.similar(s, "team", 1.0, 0, 50).stream().anyMatch(m -> m.postId() == id);
                    if (!found) {
                        missed.add(id);
                    }
                }
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        assertThat(missed).isEmpty();
        assertThat(index.size()).isEqualTo(threads * each);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i += 37) {
                long id = t * 10_000L + i;
                assertThat(index.similar(sig(distinct(id)),
                        "team", 1.0, 0, 50)).extracting(LshIndex.Match::postId).contains(id);
            }
        }
    }
}
