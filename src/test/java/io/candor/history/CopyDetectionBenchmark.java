package io.candor.history;

import io.candor.similar.Fingerprint;
import io.candor.similar.LshIndex;
import io.candor.similar.Shingler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * How many adapted copies of real posts history catches, and how many distinct real posts
 * it flags. Every real post of ../shared/data/posts/real-posts.tsv.gz with words to compare
 * goes into one team's index; then copies are made of sampled posts the way people adapt a
 * post for another place (trimmed to 280 characters, a sentence dropped, a sentence rewritten
 * (replaced by a sentence of another real post), hashtags added, a link added) and looked up.
 * A copy is caught when the lookup returns the original (or a post with the same words).
 *
 * <p>False alarms: sampled real posts are looked up against all the others, and each flagged
 * pair is checked exactly on the full shingle sets. A pair counts as a false alarm when it is
 * not a copy by the exact measures history estimates (Jaccard below 0.5, and less than half of
 * the shorter one's word pairs, or fewer than five, in the longer). CrisisLex posts (tweets
 * about the same disasters) are reported apart: the same topics, the same words.
 *
 * <pre>
 * mvn -B -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx3g -cp %classpath io.candor.history.CopyDetectionBenchmark"
 * </pre>
 * Optional: -Dsample=3000 (originals per kind of copy), -Dqueries=20000 (false-alarm queries),
 * -Dcontainment=0.5 -DminShared=10 -DwholeMin=6 (to try other thresholds), -DshortWords=12, -Dexamples=true (print pairs), -Dwalk=N (entries walked a bucket).
 */
public final class CopyDetectionBenchmark {
    private static final String[] TAGS = {"#news", "#update", "#community", "#tbt", "#launch", "#mondaymotivation",
            "#love", "#fun", "#breaking", "#staysafe"};

    public static void main(String[] args) throws IOException {
        Path data = Path.of(System.getProperty("data", "../shared/data/posts/real-posts.tsv.gz"));
        if (!Files.isRegularFile(data)) {
            System.out.println("CopyDetectionBenchmark: " + data + " not found; nothing to measure.");
            return;
        }
        int sample = Integer.getInteger("sample", 3000);
        int queries = Integer.getInteger("queries", 20_000);
        boolean examples = Boolean.getBoolean("examples");
        int walk = Integer.getInteger("walk", LshIndex.MAX_WALK);
        HistorySettings f = Fixture.settings();
        HistorySettings base = new HistorySettings(f.enabled(), f.keepTextDays(), f.keepSignatureDays(), f.similarity(),
                f.containment(), f.minSharedWords(), f.minWholeWords(), f.minWords(), f.crossPlatformDays(), f.thanksMaxWords(), f.thanksCount(),
                f.thanksWindowHours(), f.thanksWords(), f.repostPrefixes(), Integer.getInteger("shortWords", f.shortWords()),
                f.quoteWords(), f.purgeEveryHours(), f.zone());
        double containment = Double.parseDouble(System.getProperty("containment", String.valueOf(base.containment())));
        int minShared = Integer.getInteger("minShared", base.minSharedWords());
        int wholeMin = Integer.getInteger("wholeMin", base.minWholeWords());
        LshIndex.Criteria criteria = new LshIndex.Criteria(base.similarity(), containment, minShared - 1, wholeMin - 1);
        LshIndex.Criteria jaccardOnly = LshIndex.Criteria.jaccardOnly(base.similarity());
        Sketcher sketcher = new Sketcher(base);
        Shingler shingler = sketcher.shingler();

        List<String[]> rows = read(data);
        List<String> texts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> norm = new ArrayList<>();
        List<Fingerprint> prints = new ArrayList<>();
        for (String[] r : rows) {
            Sketch s = sketcher.sketch(r[1]);
            if (s.isEmpty()) {
                continue;
            }
            texts.add(r[1]);
            sources.add(r[0]);
            norm.add(s.normalized());
            prints.add(s.fingerprint());
        }
        long t0 = System.nanoTime();
        LshIndex index = new LshIndex(Sketcher.WIDTH, texts.size());
        for (int i = 0; i < texts.size(); i++) {
            index.add(i, prints.get(i), 60_000L * i, 0, true, "", "team", false);
        }
        System.out.printf("index: %,d real posts in %.1f s, %.0f bytes a post in arrays; containment %.2f, min shared words %d "
                        + "(%d when the whole shorter text is in the longer), Jaccard %.2f%n", texts.size(), (System.nanoTime() - t0) / 1e9,
                (double) index.arrayBytes() / texts.size(), containment, minShared, wholeMin, base.similarity());

        // ---- adapted copies ----------------------------------------------------------------
        SplittableRandom r = new SplittableRandom(2026);
        Map<String, int[]> caught = new LinkedHashMap<>(); // kind -> {tried, caught, caught by Jaccard alone}
        for (String kind : List.of("trim-280", "drop-sentence", "rewrite-sentence", "hashtags", "link", "trim-two-thirds")) {
            caught.put(kind, new int[3]);
        }
        Map<String, List<String>> missed = new HashMap<>();
        LshIndex.Criteria loose = new LshIndex.Criteria(base.similarity(), 0.4, 3, Integer.MAX_VALUE);
        double[] cs = {0.4, 0.5, 0.6, 0.7, 0.8};
        int[] ms = {8, 10, 12, 15};
        String[] bands = {"under 8 words in common", "8 to 15 words in common", "16 or more words in common"};
        int[][] byShared = new int[3][2];
        long[][] gridCaught = new long[cs.length][ms.length];
        long gridTried = 0;
        int[] order = shuffled(texts.size(), r);
        for (String kind : caught.keySet()) {
            int[] c = caught.get(kind);
            for (int k = 0; k < order.length && c[0] < sample; k++) {
                int i = order[(k + kind.hashCode() & 0x7fffffff) % order.length];
                String original = texts.get(i);
                if (sketcher.sketch(original).words().size() < base.minWords()) {
                    continue;
                }
                String copy = adapt(kind, original, texts, r);
                if (copy == null) {
                    continue;
                }
                Sketch q = sketcher.sketch(copy);
                if (q.isEmpty() || q.words().size() < base.minWords()) {
                    continue;
                }
                c[0]++;
                String want = norm.get(i);
                boolean hit = index.similar(q.fingerprint(), "team", criteria, 0, 64, walk).stream()
                        .anyMatch(m -> norm.get((int) m.postId()).equals(want));
                boolean hitJ = index.similar(q.fingerprint(), "team", jaccardOnly, 0, 64, walk).stream()
                        .anyMatch(m -> norm.get((int) m.postId()).equals(want));
                c[1] += hit ? 1 : 0;
                c[2] += hitJ ? 1 : 0;
                if (!kind.equals("trim-two-thirds")) {
                    int common = common(shingler.pairsOf(shingler.words(original)), q.fingerprint() == null ? new int[0]
                            : shingler.pairsOf(q.words())) + 1;
                    int band = common < 8 ? 0 : common < 16 ? 1 : 2;
                    byShared[band][0]++;
                    byShared[band][1] += hit ? 1 : 0;
                    gridTried++;
                    List<LshIndex.Match> ls = index.similar(q.fingerprint(), "team", loose, 0, 64, walk).stream()
                            .filter(m -> norm.get((int) m.postId()).equals(want)).toList();
                    for (int x = 0; x < cs.length; x++) {
                        for (int y = 0; y < ms.length; y++) {
                            final int xx = x;
                            final int yy = y;
                            gridCaught[x][y] += ls.stream().anyMatch(m -> passes(m, base.similarity(), cs[xx], ms[yy] - 1)) ? 1 : 0;
                        }
                    }
                }
                if (!hit && examples) {
                    missed.computeIfAbsent(kind, x -> new ArrayList<>()).add(original + "\n      => " + copy);
                }
            }
        }
        int allTried = 0;
        int allCaught = 0;
        int allJ = 0;
        for (Map.Entry<String, int[]> e : caught.entrySet()) {
            int[] c = e.getValue();
            if (!e.getKey().equals("trim-two-thirds")) {
                allTried += c[0];
                allCaught += c[1];
                allJ += c[2];
            }
            System.out.printf("  %-17s %,6d copies: caught %6.2f%% (Jaccard alone %6.2f%%)%n", e.getKey(), c[0],
                    100.0 * c[1] / Math.max(1, c[0]), 100.0 * c[2] / Math.max(1, c[0]));
        }
        System.out.printf("  %-17s %,6d copies: caught %6.2f%% (Jaccard alone %6.2f%%)%n", "the five targets", allTried,
                100.0 * allCaught / allTried, 100.0 * allJ / allTried);
        for (int b = 0; b < bands.length; b++) {
            System.out.printf("    copies with %-27s %,6d: caught %6.2f%%%n", bands[b], byShared[b][0],
                    100.0 * byShared[b][1] / Math.max(1, byShared[b][0]));
        }
        if (examples) {
            missed.forEach((k, l) -> {
                System.out.println("missed " + k + ":");
                l.stream().limit(5).forEach(x -> System.out.println("    " + x));
            });
        }

        // ---- distinct posts ----------------------------------------------------------------
        long[][] gridFalse = new long[cs.length][ms.length];
        long gridAsked = 0;
        int[][] sets = new int[texts.size()][];
        int[][] pairSets = new int[texts.size()][];
        Map<String, int[]> alarms = new LinkedHashMap<>(); // source -> {asked, flagged, false alarms, flagged by Jaccard alone}
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < queries; k++) {
            int q = order[k];
            if (sketcher.sketch(texts.get(q)).words().size() < base.minWords()) {
                continue;
            }
            int[] a = alarms.computeIfAbsent(sources.get(q), s -> new int[4]);
            int[] all = alarms.computeIfAbsent("all", s -> new int[4]);
            a[0]++;
            all[0]++;
            boolean flagged = false;
            boolean falseAlarm = false;
            for (LshIndex.Match m : index.similar(prints.get(q), "team", criteria, 0, 64, walk)) {
                int p = (int) m.postId();
                if (p == q || norm.get(p).equals(norm.get(q))) {
                    continue; // itself, or the very same words posted again: a copy by any measure
                }
                flagged = true;
                if (!isCopy(q, p, texts, shingler, sets, pairSets)) {
                    falseAlarm = true;
                    if (examples && shown.size() < 20) {
                        shown.add(String.format("J %.2f C %.2f shared %d%n    %s%n    %s", m.similarity(), m.containment(),
                                m.sharedPairs(), texts.get(q), texts.get(p)));
                    }
                }
            }
            gridAsked++;
            boolean[][] fa = new boolean[cs.length][ms.length];
            for (LshIndex.Match m : index.similar(prints.get(q), "team", loose, 0, 64, walk)) {
                int p = (int) m.postId();
                if (p == q || norm.get(p).equals(norm.get(q)) || isCopy(q, p, texts, shingler, sets, pairSets)) {
                    continue;
                }
                for (int x = 0; x < cs.length; x++) {
                    for (int y = 0; y < ms.length; y++) {
                        fa[x][y] |= passes(m, base.similarity(), cs[x], ms[y] - 1);
                    }
                }
            }
            for (int x = 0; x < cs.length; x++) {
                for (int y = 0; y < ms.length; y++) {
                    gridFalse[x][y] += fa[x][y] ? 1 : 0;
                }
            }
            boolean flaggedJ = index.similar(prints.get(q), "team", jaccardOnly, 0, 64, walk).stream()
                    .anyMatch(m -> m.postId() != q && !norm.get((int) m.postId()).equals(norm.get(q)));
            for (int[] x : new int[][] {a, all}) {
                x[1] += flagged ? 1 : 0;
                x[2] += falseAlarm ? 1 : 0;
                x[3] += flaggedJ ? 1 : 0;
            }
        }
        System.out.println("distinct posts looked up against all the others (a post with the very same words is not counted):");
        alarms.forEach((src, a) -> System.out.printf("  %-12s %,6d posts: flagged %5.2f%% (Jaccard alone %5.2f%%), "
                        + "false alarms (not a copy by exact measures) %5.3f%%%n", src, a[0], 100.0 * a[1] / a[0],
                100.0 * a[3] / a[0], 100.0 * a[2] / a[0]));
        shown.forEach(x -> System.out.println("  false alarm: " + x));
        System.out.println("other thresholds (without the rule for a whole shorter text): caught (the five kinds) / false alarms, "
                + "by containment and min shared words:");
        for (int x = 0; x < cs.length; x++) {
            StringBuilder line = new StringBuilder(String.format("  containment %.1f:", cs[x]));
            for (int y = 0; y < ms.length; y++) {
                line.append(String.format("  %2d words %6.2f%% / %5.3f%%", ms[y], 100.0 * gridCaught[x][y] / gridTried,
                        100.0 * gridFalse[x][y] / gridAsked));
            }
            System.out.println(line);
        }
    }

    /** The grid below leaves out the rule for a whole shorter text (its own setting). */
    private static boolean passes(LshIndex.Match m, double jaccard, double containment, int minPairs) {
        return m.similarity() >= jaccard || m.containment() >= containment && m.sharedPairs() >= minPairs;
    }

    /** A copy by exact measures: Jaccard of the full sets at least 0.5, or half the shorter's word pairs (five or more) in the longer. */
    static boolean isCopy(int q, int p, List<String> texts, Shingler sh, int[][] sets, int[][] pairSets) {
        for (int i : new int[] {q, p}) {
            if (sets[i] == null) {
                var words = sh.words(texts.get(i));
                sets[i] = sh.shinglesOf(words).hashes();
                pairSets[i] = sh.pairsOf(words);
            }
        }
        if (Shingler.jaccard(sets[q], sets[p]) >= 0.5) {
            return true;
        }
        int common = common(pairSets[q], pairSets[p]);
        return common >= 5 && common >= 0.5 * Math.min(pairSets[q].length, pairSets[p].length);
    }

    private static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** The copy of {@code s} a person would make for {@code kind}, or null when it does not apply to this post. */
    static String adapt(String kind, String s, List<String> texts, SplittableRandom r) {
        return switch (kind) {
            case "trim-280" -> s.length() <= 280 ? null : cut(s, 279) + "…";
            case "trim-two-thirds" -> {
                String[] w = s.strip().split("\\s+");
                yield w.length < 12 ? null : String.join(" ", Arrays.copyOf(w, w.length * 2 / 3));
            }
            case "drop-sentence", "rewrite-sentence" -> {
                List<String> parts = new ArrayList<>(Arrays.asList(s.strip().split("(?<=[.!?])\\s+")));
                if (parts.size() < 2) {
                    yield null;
                }
                int total = words(s);
                List<Integer> ok = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    int w = words(parts.get(i));
                    if (w > 0 && w * 2 <= total) { // the rest is at least half the post: still the same post
                        ok.add(i);
                    }
                }
                if (ok.isEmpty()) {
                    yield null;
                }
                int i = ok.get(r.nextInt(ok.size()));
                if (kind.equals("drop-sentence")) {
                    parts.remove(i);
                } else {
                    parts.set(i, otherSentence(words(parts.get(i)), texts, r));
                }
                yield String.join(" ", parts);
            }
            case "hashtags" -> s.strip() + " " + TAGS[r.nextInt(TAGS.length)] + " " + TAGS[r.nextInt(TAGS.length)]
                    + (r.nextBoolean() ? " " + TAGS[r.nextInt(TAGS.length)] : "");
            case "link" -> s.strip() + (r.nextBoolean() ? " " : " More: ") + "https://example.com/p/" + Long.toString(r.nextLong() >>> 24, 36);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A sentence of another real post with about as many words: the rewritten sentence. */
    private static String otherSentence(int words, List<String> texts, SplittableRandom r) {
        for (int tries = 0; tries < 10_000; tries++) {
            for (String p : texts.get(r.nextInt(texts.size())).split("(?<=[.!?])\\s+")) {
                int w = words(p);
                if (w > 0 && Math.abs(w - words) <= Math.max(1, words / 3)) {
                    return p;
                }
            }
        }
        return "Something else entirely.";
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String cut(String s, int max) {
        String c = s.substring(0, max);
        int space = c.lastIndexOf(' ');
        return space > max / 2 ? c.substring(0, space) : c;
    }

    private static int[] shuffled(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static List<String[]> read(Path gz) throws IOException {
        List<String[]> out = new ArrayList<>(410_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            in.readLine(); // header
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                int tab = l.indexOf('\t');
                if (tab > 0 && !l.substring(tab + 1).isBlank()) {
                    out.add(new String[] {l.substring(0, tab), l.substring(tab + 1)});
                }
            }
        }
        return out;
    }
}
