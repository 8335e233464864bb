package io.candor.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.render.ReviewJson;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the files for measuring history as a user runs it, whole process: {@code posts.jsonl}
 * (the corpus of {@link HistoryBenchmark}: the real posts that have words to compare, grown to
 * {@code posts} with perturbed copies, spread over 300 days) for {@code candor history import},
 * and {@code drafts.jsonl} for {@code candor review --batch --db …} against that history: half
 * copies of imported posts (as they are, or perturbed again), half texts from other sources
 * (the labelled dev sets, never imported), shuffled.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.candor.history.HistoryCorpus OUT_DIR [posts] [drafts]
 * bin/candor history import OUT_DIR/posts.jsonl --db OUT_DIR/h
 * bin/candor review --batch OUT_DIR/drafts.jsonl --format json --no-remember --db OUT_DIR/h
 * </pre>
 */
public final class HistoryCorpus {
    private static final String[] AUTHORS = {"Maya", "Joe", "Ana", "Sam", "Lee", "Omar", "Kim", "Rui"};
    private static final String[] PLATFORMS = {"x", "linkedin", "threads", "bluesky", "mastodon", "facebook", "instagram"};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int drafts = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Path data = Path.of(System.getProperty("data", "../shared/data/posts/real-posts.tsv.gz"));
        Files.createDirectories(out);
        Sketcher sketcher = new Sketcher(Fixture.settings());
        List<String> real = HistoryBenchmark.read(data).stream().filter(t -> !sketcher.sketch(t).isEmpty()).toList();
        List<String> posts = HistoryBenchmark.grow(real, total, new SplittableRandom(42));
        Instant now = Instant.now();
        HistoryBenchmark.writePosts(posts, now, out.resolve("posts.jsonl"));
        List<String> fresh = new ArrayList<>();
        for (String name : new String[] {"reddit-genuine-dev.jsonl", "sms-dev.jsonl", "youtube-dev.jsonl"}) {
            Path f = data.resolveSibling("../labelled/" + name).normalize();
            if (Files.isRegularFile(f)) {
                for (String line : Files.readAllLines(f)) {
                    fresh.add(ReviewJson.MAPPER.readTree(line).path("text").asText());
                }
            }
        }
        SplittableRandom r = new SplittableRandom(11);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("drafts.jsonl"))) {
            for (int i = 0; i < drafts; i++) {
                String t;
                if (fresh.isEmpty() || r.nextBoolean()) {
                    String base = posts.get(r.nextInt(posts.size()));
                    t = r.nextBoolean() ? base : HistoryBenchmark.perturb(base, r);
                } else {
                    t = fresh.get(r.nextInt(fresh.size()));
                }
                ObjectNode o = ReviewJson.MAPPER.createObjectNode();
                o.put("id", i);
                o.put("text", t);
                o.put("platforms", PLATFORMS[r.nextInt(PLATFORMS.length)]);
                o.put("author", AUTHORS[r.nextInt(AUTHORS.length)]);
                w.write(o.toString());
                w.write('\n');
            }
        }
        System.out.printf("%s: %,d posts (%,d real), %,d drafts%n", out, posts.size(), real.size(), drafts);
    }
}
