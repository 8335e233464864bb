package io.candor.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.CandorConfig;
import io.candor.platform.Platform;
import io.candor.render.ReviewJson;
import io.candor.review.Draft;
import io.candor.review.Reviewer;
import io.candor.review.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Review with a large history, in process: opens the history of a database filled by
 * {@code candor history import} (see {@link HistoryCorpus}) and reviews the drafts of a
 * {@code drafts.jsonl} on one thread without remembering them, as {@code review --batch
 * --no-remember} does per line. Prints drafts per CPU-second of that thread, per round (the
 * first rounds warm the JIT), and how many drafts history flagged.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.candor.history.HistoryReviewBenchmark DB drafts.jsonl [n] [rounds]
 * </pre>
 */
public final class HistoryReviewBenchmark {
    public static void main(String[] args) throws Exception {
        String db = args[0];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        List<Draft> drafts = new ArrayList<>(n);
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (drafts.size() == n) {
                break;
            }
            JsonNode o = ReviewJson.MAPPER.readTree(line);
            List<Platform> on = Platform.find(o.path("platforms").asText()).map(List::of).orElse(List.of());
            drafts.add(new Draft(o.path("text").asText(), on, Optional.empty(), Writer.cli(o.path("author").asText(), "")));
        }
        CandorConfig cfg = CandorConfig.defaults();
        HistorySettings settings = cfg.section("history", HistorySettings.class);
        Clock clock = Clock.systemUTC();
        long t0 = System.nanoTime();
        try (History history = History.open(db, settings, clock)) {
            System.out.printf("index load: %,d posts in %.1f s%n", history.indexed(), (System.nanoTime() - t0) / 1e9);
            Reviewer rules = new Reviewer(cfg);
            HistoryReviewer reviewer = new HistoryReviewer(rules, history, HistoryRules.load(cfg.rules()), clock, false);
            var threads = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= rounds; round++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                int flagged = 0;
                for (Draft d : drafts) {
                    flagged += reviewer.review(d).findings().stream().anyMatch(f -> f.rule().startsWith("broadcast.")) ? 1 : 0;
                }
                double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                double wall = (System.nanoTime() - w0) / 1e9;
                System.out.printf("round %d: %,d drafts, %,d with a broadcast finding; %,.0f drafts per CPU-second, %,.0f per wall second "
                                + "(load average %.1f)%n", round, drafts.size(), flagged, drafts.size() / cpu, drafts.size() / wall,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            long c0 = threads.getCurrentThreadCpuTime();
            for (Draft d : drafts) {
                rules.review(d);
            }
            System.out.printf("the rules alone, same drafts: %,.0f drafts per CPU-second%n",
                    drafts.size() / ((threads.getCurrentThreadCpuTime() - c0) / 1e9));
        }
    }
}
