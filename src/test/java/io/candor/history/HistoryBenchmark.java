package io.candor.history;

import io.candor.config.CandorConfig;
import io.candor.review.Draft;
import io.candor.review.Reviewer;
import io.candor.similar.LshIndex;
import io.candor.similar.Shingler;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The history at a million posts: the 407,960 real posts of ../shared/data plus perturbed
 * copies (new link, hashtags, emoji, a reordered sentence, "Reposting:", another handle).
 * Measures import rate, index load time and memory, lookup latency, review throughput with
 * history, and recall / false flags against brute-force Jaccard on a sample.
 *
 * <pre>
 * mvn -B -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx2g -cp %classpath io.candor.history.HistoryBenchmark"
 * </pre>
 * Optional system properties: -Dposts=1000000 -Dsample=1000 -Ddata=../shared/data/posts/real-posts.tsv.gz
 */
public final class HistoryBenchmark {
    private static final String[] EMOJI = {"🎉", "🔥", "🙌", "✨", "😊", "👉", "🚀", "💯"};
    private static final String[] TAGS = {"#news", "#update", "#community", "#tbt", "#follow", "#mondaymotivation", "#love", "#fun"};
    private static final String[] AUTHORS = {"Maya", "Joe", "Ana", "Sam", "Lee", "Omar", "Kim", "Rui"};
    private static final String[] PLATFORMS = {"x", "linkedin", "threads", "bluesky", "mastodon", "facebook", "instagram"};

    /**
     * The corpus as {@code candor history import} reads it: each post with a platform and an
     * author drawn from a fixed seed, spread over 300 days in file order, so ids and times agree.
     */
    static void writePosts(List<String> posts, Instant now, Path jsonl) throws java.io.IOException {
        try (BufferedWriter w = Files.newBufferedWriter(jsonl)) {
            SplittableRandom r = new SplittableRandom(7);
            for (int i = 0; i < posts.size(); i++) {
                var o = io.candor.render.ReviewJson.MAPPER.createObjectNode();
                o.put("text", posts.get(i));
                o.put("platform", PLATFORMS[r.nextInt(PLATFORMS.length)]);
                o.put("posted_at", now.minusSeconds(300L * 86_400 - (long) i * 300L * 86_400 / posts.size()).toString());
                o.put("author", AUTHORS[r.nextInt(AUTHORS.length)]);
                w.write(o.toString());
                w.write('\n');
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("data", "../shared/data/posts/real-posts.tsv.gz"));
        if (!Files.isRegularFile(data)) {
            System.out.println("HistoryBenchmark: " + data + " not found; nothing to measure.");
            return;
        }
        int total = Integer.getInteger("posts", 1_000_000);
        int sample = Integer.getInteger("sample", 1_000);
        List<String> real = read(data);
        Sketcher sketcher = new Sketcher(Fixture.settings());
        // posts with no words to compare (only links, handles, emoji) are not kept, so ids are positions + 1
        real = real.stream().filter(t -> !sketcher.sketch(t).isEmpty()).toList();
        List<String> posts = grow(real, total, new SplittableRandom(42));
        System.out.printf("corpus: %,d real posts + %,d perturbed copies = %,d%n", real.size(), posts.size() - real.size(), posts.size());
        CandorConfig cfg = CandorConfig.defaults();
        HistorySettings settings = Fixture.settings();
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();

        Path dir = Files.createTempDirectory("candor-bench");
        Path jsonl = dir.resolve("posts.jsonl");
        writePosts(posts, now, jsonl);
        String location = dir.resolve("history").toString();

        // 1. import
        try (io.candor.store.Database db = io.candor.store.Database.open(location);
             InputStream in = Files.newInputStream(jsonl)) {
            long t0 = System.nanoTime();
            HistoryImport.Result r = new HistoryImport(new io.candor.store.HistoryStore(db), settings, clock, "", 2_000)
                    .run(in, HistoryImport.Format.JSONL, b -> { });
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("import: %,d posts in %.1f s = %,.0f posts/s (%,d bad, %,d duplicates skipped; load average %.1f)%n",
                    r.added(), secs, (r.added() + r.alreadyThere()) / secs, r.badCount(), r.alreadyThere(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        // 2. index load at start, and its memory
        long before = usedHeap();
        long t0 = System.nanoTime();
        History history = History.open(location, settings, clock);
        double loadSecs = (System.nanoTime() - t0) / 1e9;
        long after = usedHeap();
        System.out.printf("index load: %,d signatures in %.1f s; heap held by the index %.0f MB = %.0f bytes a post (arrays %.0f MB)%n",
                history.indexed(), loadSecs, (after - before) / 1e6, (double) (after - before) / history.indexed(),
                history.index().arrayBytes() / 1e6);

        // 3. lookup latency: sketch + index lookup, and index lookup alone
        SplittableRandom r = new SplittableRandom(11);
        int queries = 50_000;
        List<String> qs = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            String base = posts.get(r.nextInt(posts.size()));
            qs.add(r.nextBoolean() ? base : perturb(base, r));
        }
        Sketch[] sketches = new Sketch[queries];
        long[] sketchNs = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            sketches[i] = history.sketch(qs.get(i));
            sketchNs[i] = System.nanoTime() - s;
        }
        long[] lookupNs = new long[queries];
        long[] lookupCpu = new long[queries];
        var threads = ManagementFactory.getThreadMXBean();
        int hits = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            hits = 0;
            for (int i = 0; i < queries; i++) {
                if (sketches[i].isEmpty()) {
                    continue;
                }
                long c0 = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                var m = history.index().similar(sketches[i].fingerprint(), "", settings.criteria(), 0, 16);
                lookupNs[i] = System.nanoTime() - s;
                lookupCpu[i] = threads.getCurrentThreadCpuTime() - c0;
                hits += m.isEmpty() ? 0 : 1;
            }
        }
        System.out.printf("lookup (index only): p50 %.3f ms, p99 %.3f ms, max %.3f ms over %,d queries (%,d with a match); "
                        + "CPU time p50 %.3f ms, p99 %.3f ms (load average %.1f)%n",
                pct(lookupNs, 50), pct(lookupNs, 99), pct(lookupNs, 100), queries, hits, pct(lookupCpu, 50), pct(lookupCpu, 99),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("sketch (normalise, shingle, MinHash): p50 %.3f ms, p99 %.3f ms%n", pct(sketchNs, 50), pct(sketchNs, 99));

        // 4. review throughput with history, one thread
        Reviewer rules = new Reviewer(cfg);
        HistoryReviewer reviewer = new HistoryReviewer(rules, history, HistoryRules.load(cfg.rules()), clock, false);
        int n = 20_000;
        for (int i = 0; i < 5_000; i++) {
            reviewer.review(Draft.of(qs.get(i)));
        }
        long rs = System.nanoTime();
        int flagged = 0;
        for (int i = 0; i < n; i++) {
            flagged += reviewer.review(Draft.of(qs.get(10_000 + i))).findings().stream()
                    .anyMatch(f -> f.rule().startsWith("broadcast.repeat") || f.rule().equals("broadcast.thanks-stream")) ? 1 : 0;
        }
        double rsecs = (System.nanoTime() - rs) / 1e9;
        long plain = System.nanoTime();
        for (int i = 0; i < n; i++) {
            rules.review(Draft.of(qs.get(10_000 + i)));
        }
        double psecs = (System.nanoTime() - plain) / 1e9;
        System.out.printf("review with history: %,.0f posts/s on one thread (%,d of %,d flagged by history); rules alone %,.0f posts/s%n",
                n / rsecs, flagged, n, n / psecs);
        // 4b. the usual case: drafts that are not copies (texts from other sources, never imported)
        List<String> fresh = new ArrayList<>();
        for (String name : new String[] {"reddit-genuine-dev.jsonl", "sms-dev.jsonl", "youtube-dev.jsonl"}) {
            Path f = data.resolveSibling("../labelled/" + name).normalize();
            if (Files.isRegularFile(f)) {
                for (String line : Files.readAllLines(f)) {
                    fresh.add(io.candor.render.ReviewJson.MAPPER.readTree(line).path("text").asText());
                }
            }
        }
        if (!fresh.isEmpty()) {
            for (String t : fresh) {
                reviewer.review(Draft.of(t));
            }
            int freshFlagged = 0;
            long fs = System.nanoTime();
            for (String t : fresh) {
                freshFlagged += reviewer.review(Draft.of(t)).findings().stream()
                        .anyMatch(f -> f.rule().startsWith("broadcast.repeat") || f.rule().startsWith("broadcast.cross")) ? 1 : 0;
            }
            double fsecs = (System.nanoTime() - fs) / 1e9;
            System.out.printf("review with history, %,d drafts from other sources (%,d flagged): %,.0f posts/s on one thread%n",
                    fresh.size(), freshFlagged, fresh.size() / fsecs);
        }
        // 5. recall and false flags against brute force on a sample
        Shingler shingler = new Sketcher(settings).shingler();
        int[][] sets = new int[posts.size()][];
        for (int i = 0; i < posts.size(); i++) {
            sets[i] = shingler.shingles(posts.get(i)).hashes();
        }
        LshIndex index = history.index();
        // post ids are 1..N in file order (a fresh database), so id - 1 is the corpus position
        long truePairs = 0;
        long foundPairs = 0;
        long foundUncapped = 0;
        int queriesWithPartner = 0;
        int queriesFindingOne = 0;
        int falseFlagged = 0;
        int looserFalse = 0;
        int asked = 0;
        r = new SplittableRandom(99);
        long bf = System.nanoTime();
        for (int k = 0; k < sample; k++) {
            int q = r.nextInt(posts.size());
            if (sets[q].length == 0) {
                continue;
            }
            asked++;
            Set<Long> truth = new HashSet<>();
            for (int p = 0; p < sets.length; p++) {
                if (p != q && sets[p].length > 0 && Shingler.jaccard(sets[q], sets[p]) >= 0.7) {
                    truth.add((long) p + 1);
                }
            }
            var sig = history.sketch(posts.get(q)).fingerprint();
            Set<Long> found = new HashSet<>();
            boolean falseFlag = false;
            boolean looser = false;
            for (LshIndex.Match match : index.similar(sig, "", LshIndex.Criteria.jaccardOnly(settings.similarity()), 0, Integer.MAX_VALUE)) {
                long id = match.postId();
                if (id == q + 1 || id > sets.length) {
                    continue;
                }
                found.add(id);
                double j = Shingler.jaccard(sets[q], sets[(int) id - 1]);
                falseFlag |= j < 0.5;
                looser |= j < 0.7;
            }
            truePairs += truth.size();
            Set<Long> uncapped = new HashSet<>();
            index.similar(sig, "", LshIndex.Criteria.jaccardOnly(settings.similarity()), 0, Integer.MAX_VALUE, Integer.MAX_VALUE)
                    .forEach(mm -> uncapped.add(mm.postId()));
            for (Long t : truth) {
                foundPairs += found.contains(t) ? 1 : 0;
                foundUncapped += uncapped.contains(t) ? 1 : 0;
            }
            if (!truth.isEmpty()) {
                queriesWithPartner++;
                queriesFindingOne += found.stream().anyMatch(truth::contains) ? 1 : 0;
            }
            falseFlagged += falseFlag ? 1 : 0;
            looserFalse += looser ? 1 : 0;
        }
        System.out.printf("recall (brute force over %,d posts, %,d sampled queries, %.0f s): %,d of %,d pairs with Jaccard >= 0.7 found = %.4f; "
                        + "queries with such a partner that find one: %,d of %,d = %.4f%n",
                posts.size(), asked, (System.nanoTime() - bf) / 1e9, foundPairs, truePairs,
                truePairs == 0 ? 1.0 : (double) foundPairs / truePairs, queriesFindingOne, queriesWithPartner,
                queriesWithPartner == 0 ? 1.0 : (double) queriesFindingOne / queriesWithPartner);
        System.out.printf("recall without the per-bucket walk cap (the anchors and the check alone): %,d of %,d = %.4f%n",
                foundUncapped, truePairs, truePairs == 0 ? 1.0 : (double) foundUncapped / truePairs);
        System.out.printf("false flags: %.3f%% of sampled posts flagged against a post with true Jaccard < 0.5 (%.3f%% below 0.7)%n",
                100.0 * falseFlagged / asked, 100.0 * looserFalse / asked);
        HistoryReviewer remembering = new HistoryReviewer(rules, history, HistoryRules.load(cfg.rules()), clock, true);
        int m = 5_000;
        long ws = System.nanoTime();
        for (int i = 0; i < m; i++) {
            remembering.review(Draft.of(qs.get(30_000 + i)));
        }
        System.out.printf("review with history and remembering (an H2 insert each): %,.0f posts/s%n", m / ((System.nanoTime() - ws) / 1e9));

        history.close();
    }

    static List<String> read(Path gz) throws IOException {
        List<String> out = new ArrayList<>(410_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                int tab = l.indexOf('\t');
                String text = tab < 0 ? l : l.substring(tab + 1);
                if (!text.isBlank()) {
                    out.add(text);
                }
            }
            assert header != null;
        }
        return out;
    }

    static List<String> grow(List<String> real, int total, SplittableRandom r) {
        List<String> out = new ArrayList<>(Math.max(total, real.size()));
        out.addAll(real);
        while (out.size() < total) {
            out.add(perturb(real.get(r.nextInt(real.size())), r));
        }
        return out;
    }

    /** What people do to re-post: a new link, hashtags, an emoji, a reordered sentence, "Reposting:", a handle. */
    static String perturb(String s, SplittableRandom r) {
        String t = s;
        int kinds = 1 + r.nextInt(2);
        for (int k = 0; k < kinds; k++) {
            switch (r.nextInt(6)) {
                case 0 -> t = t.replaceAll("https?://\\S+", "").strip() + " https://t.co/" + Long.toString(r.nextLong() >>> 20, 36);
                case 1 -> t = t + " " + TAGS[r.nextInt(TAGS.length)] + " " + TAGS[r.nextInt(TAGS.length)];
                case 2 -> t = r.nextBoolean() ? EMOJI[r.nextInt(EMOJI.length)] + " " + t : t + " " + EMOJI[r.nextInt(EMOJI.length)];
                case 3 -> {
                    String[] parts = t.split("(?<=[.!?])\\s+");
                    if (parts.length > 1) {
                        List<String> l = new ArrayList<>(Arrays.asList(parts));
                        java.util.Collections.rotate(l, 1);
                        t = String.join(" ", l);
                    } else {
                        t = "Reposting: " + t;
                    }
                }
                case 4 -> t = "Reposting: " + t;
                default -> t = t.matches("(?s).*@\\w+.*") ? t.replaceFirst("@\\w+", "@user" + r.nextInt(10_000))
                        : "@user" + r.nextInt(10_000) + " " + t;
            }
        }
        return t;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(long[] ns, int p) {
        long[] s = ns.clone();
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }
}
