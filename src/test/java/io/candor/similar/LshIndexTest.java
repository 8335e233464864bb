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
    private static final LshIndex.Criteria NEAR = LshIndex.Criteria.jaccardOnly(0.6);
    private static final LshIndex.Criteria SAME = LshIndex.Criteria.jaccardOnly(1.0);
    private static final LshIndex.Criteria ADAPTED = new LshIndex.Criteria(0.6, 0.5, 9, 4);
    private final Shingler shingler = new Shingler(12, List.of("reposting"));
    private final MinHash minHash = new MinHash(128);

    private Fingerprint sig(String text) {
        List<String> words = shingler.words(text);
        return Fingerprint.of(shingler.shinglesOf(words), shingler.pairsOf(words), minHash);
    }

    private static int add(LshIndex index, long id, Fingerprint f, long at, String author, String team) {
        return index.add(id, f, at, 0, false, author, team, false);
    }

    @Test
    void findsTheNearCopyAndNotTheNeighbour() {
        LshIndex index = new LshIndex(128, 4);
        add(index, 1, sig("We're hiring a community lead in Lisbon. You'll run our forum, meetups and newsletter."), 60_000, "Joe", "t1");
        add(index, 2, sig("Our office will be closed on Friday for the team retreat."), 120_000, "Ana", "t1");
        for (int i = 0; i < 3000; i++) { // enough to make the tables grow several times
            add(index, 100 + i, sig("Post number " + i + " talks about topic " + (i * 7919 % 1000) + " at length today"), 180_000, "x", "t1");
        }
        List<LshIndex.Match> m = index.similar(sig("Reposting: we're hiring a community lead in Lisbon! You'll run our forum, meetups and newsletter 🙌"),
                "t1", NEAR, 0, 5);
        assertThat(m).extracting(LshIndex.Match::postId).containsExactly(1L);
        assertThat(m.get(0).author()).isEqualTo("Joe");
        assertThat(index.similar(sig("We're hiring a designer in Berlin to shape our app."), "t1", NEAR, 0, 5)).isEmpty();
        // another team's history is not this team's
        assertThat(index.similar(sig("Our office will be closed on Friday for the team retreat."), "t2", NEAR, 0, 5)).isEmpty();
        // only posts since the given time
        assertThat(index.similar(sig("Our office will be closed on Friday for the team retreat."), "t1", NEAR, 180_000, 5)).isEmpty();
        assertThat(index.size()).isEqualTo(3002);
    }

    @Test
    void aPostCopiedHundredsOfTimesIsFoundWithEveryCopyNewestFirst() {
        LshIndex index = new LshIndex(128, 16);
        String spam = "Get 100 followers a day using our app, once you add everyone you are on the train";
        for (int i = 0; i < 500; i++) {
            add(index, i, sig(i % 2 == 0 ? spam : "RT @user" + i + ": " + spam + " https://t.co/" + i), 60_000L * i, "bot", "");
        }
        add(index, 999, sig(spam + " or pay for vip"), 60_000L * 600, "bot", "");
        List<LshIndex.Match> all = index.similar(sig(spam), "", NEAR, 0, 10_000);
        assertThat(all).hasSize(501);
        assertThat(all.get(0).postId()).isEqualTo(498); // the newest exact copy comes first ("RT" is not dropped here)
        assertThat(all.get(500).postId()).isEqualTo(999); // the near-copy is less alike
        assertThat(index.size()).isEqualTo(501);
    }

    @Test
    void forgottenPostsAreNotFound() {
        LshIndex index = new LshIndex(128, 4);
        add(index, 7, sig("Old announcement about the spring sale starting next week"), 60_000, "a", "");
        add(index, 8, sig("Old announcement about the spring sale starting next week!"), 600_000, "b", "");
        assertThat(index.forgetOlderThan(120_000)).isEqualTo(1);
        assertThat(index.similar(sig("Old announcement about the spring sale starting next week"), "", NEAR, 0, 5))
                .extracting(LshIndex.Match::postId).containsExactly(8L);
    }

    @Test
    void aTrimmedCopyAndOneWithASentenceChangedAreFoundByContainment() {
        LshIndex index = new LshIndex(128, 16);
        String fb = "We are opening our second bakery on Rua Augusta this Saturday morning at nine. "
                + "The first hundred visitors get a free pastel de nata and a coffee on the house. "
                + "Bring your friends, your neighbours and your appetite, and tell us what you would like us to bake next!";
        add(index, 1, sig(fb), 60_000, "Maya", "t1");
        for (int i = 0; i < 200; i++) {
            add(index, 100 + i, sig("Our bakery news number " + i + " is about bread " + (i * 7919 % 1000) + " and cakes today"), 120_000, "x", "t1");
        }
        String trimmed = fb.substring(0, 160) + "…";
        String rewritten = "We are opening our second bakery on Rua Augusta this Saturday morning at nine. "
                + "Come early, there will be music outside and a small surprise for children. "
                + "Bring your friends, your neighbours and your appetite, and tell us what you would like us to bake next!";
        for (String copy : List.of(trimmed, rewritten)) {
            assertThat(index.similar(sig(copy), "t1", NEAR, 0, 5)).isEmpty(); // Jaccard alone misses it
            List<LshIndex.Match> m = index.similar(sig(copy), "t1", ADAPTED, 0, 5);
            assertThat(m).extracting(LshIndex.Match::postId).containsExactly(1L);
            assertThat(m.get(0).contained()).isTrue();
            assertThat(m.get(0).containment()).isGreaterThan(0.5);
        }
        // the same topic in other words shares a few pairs, not a passage
        assertThat(index.similar(sig("Our second bakery opens on Saturday in Rua Augusta: come and taste the pastel de nata!"),
                "t1", ADAPTED, 0, 5)).isEmpty();
    }

    @Test
    void twoShortPostsSharingAPhraseAreNotCopies() {
        LshIndex index = new LshIndex(128, 16);
        add(index, 1, sig("I can't believe I have to go back to school tomorrow."), 60_000, "a", "t");
        assertThat(index.similar(sig("The weather is so nice, can't believe I have to work till 5"), "t", ADAPTED, 0, 5)).isEmpty();
        // the same post with its second sentence dropped is one
        add(index, 2, sig("Our spring sale starts on Monday with forty percent off every jacket in the shop. Tell your friends!"), 60_000, "a", "t");
        assertThat(index.similar(sig("Our spring sale starts on Monday with forty percent off every jacket in the shop."), "t", ADAPTED, 0, 5))
                .extracting(LshIndex.Match::postId).containsExactly(2L);
    }

    @Test
    void postedOrReviewedIsKeptWithEachPost() {
        LshIndex index = new LshIndex(128, 16);
        Fingerprint f = sig("Our office will be closed on Friday for the team retreat.");
        index.add(1, f, 60_000, 0, false, "ana", "t", false);
        index.add(2, f, 120_000, 0, true, "lee", "t", false);
        List<LshIndex.Match> m = index.similar(f, "t", NEAR, 0, 5);
        assertThat(m).extracting(LshIndex.Match::postId).containsExactly(2L, 1L);
        assertThat(m).extracting(LshIndex.Match::posted).containsExactly(true, false);
        assertThat(index.newestReviewedBy("ana", "t", 10)).containsExactly(1L);
        assertThat(index.newestReviewedBy("lee", "t", 10)).isEmpty(); // posts are not reviews to mark
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
        LshIndex index = new LshIndex(128, 16);
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
                    Fingerprint s = sig(distinct(id));
                    add(index, id, s, id, "w" + tt, "team");
                    boolean found = index.similar(s, "team", SAME, 0, 50).stream().anyMatch(m -> m.postId() == id);
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
                        "team", SAME, 0, 50)).extracting(LshIndex.Match::postId).contains(id);
            }
        }
    }
}
