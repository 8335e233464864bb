package io.candor.quality;

import io.candor.config.CandorConfig;
import io.candor.learn.LabelledData;
import io.candor.learn.LinearModel;
import io.candor.review.Category;
import io.candor.review.Draft;
import io.candor.review.DraftKind;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Measures the whole reviewer (rules and learned model together) on labelled sources, the
 * honest way: for each source, the model is trained on every other source and then the source
 * is reviewed, so the figure says how Candor does on text it never learned from. The same
 * run can also give the "tuned" figure (the model trained on everything, as shipped) to show
 * how much a figure on seen data flatters.
 */
public final class HeldOutQuality {
    /** The rule that says a reply ignores what it answers. */
    static final String IGNORES_RULE = "context.reply-ignores-message";
    private static final long PAIR_SEED = 20261130L;
    private final Map<String, List<LabelledData.Row>> bySource;
    private final java.util.function.Predicate<LabelledData.Row> measured;
    private final PitchTraining training = new PitchTraining(CandorConfig.defaults());

    public HeldOutQuality(Map<String, List<LabelledData.Row>> bySource) {
        this(bySource, r -> true);
    }

    private HeldOutQuality(Map<String, List<LabelledData.Row>> bySource, java.util.function.Predicate<LabelledData.Row> measured) {
        this.bySource = bySource;
        this.measured = measured;
    }

    /**
     * The same data, measured only on rows nobody read: while writing rules, misses and false
     * alarms were read only from rows whose id hashes to an even number ({@link #readable}),
     * so the odd half is text the rules were never adjusted to.
     */
    public HeldOutQuality unreadHalf() {
        return new HeldOutQuality(bySource, r -> !readable(r));
    }

    /** True for the half of the rows that error analysis may read. */
    public static boolean readable(LabelledData.Row r) {
        return (r.id().hashCode() & 1) == 0;
    }

    /** Reads every labelled file under a data folder laid out like ../shared/data. */
    public static HeldOutQuality read(Path dataDir) throws IOException {
        Map<String, List<LabelledData.Row>> by = new LinkedHashMap<>();
        for (Path f : LabelledData.files(dataDir)) {
            by.put(LabelledData.sourceName(f), LabelledData.read(f));
        }
        return new HeldOutQuality(by);
    }

    public Set<String> sources() {
        return bySource.keySet();
    }

    public Map<String, List<LabelledData.Row>> rows() {
        return bySource;
    }

    /** The pitch model trained on every source but {@code leaveOut}. */
    public LinearModel train(Set<String> leaveOut) {
        return training.train(bySource, leaveOut);
    }

    /** Each source measured with a model that never saw it. */
    public List<SourceFigures> heldOut() {
        List<SourceFigures> out = new ArrayList<>();
        for (String source : bySource.keySet()) {
            LinearModel m = training.train(bySource, Set.of(source));
            out.add(measure(source, reviewerWith(m)));
        }
        return out;
    }

    /** Each source measured with one model trained on all of them. */
    public List<SourceFigures> tuned() {
        Reviewer r = reviewerWith(training.train(bySource, Set.of()));
        List<SourceFigures> out = new ArrayList<>();
        for (String source : bySource.keySet()) {
            out.add(measure(source, r));
        }
        return out;
    }

    /** A reviewer with the shipped rules and settings and this pitch model in place of the shipped one. */
    public static Reviewer reviewerWith(LinearModel model) {
        try {
            Path dir = Files.createTempDirectory("candor-quality");
            try {
                Path rules = Files.createDirectories(dir.resolve("rules"));
                Files.write(rules.resolve("pitch-model.bin"), model.toBytes());
                Files.writeString(dir.resolve("candor.yaml"), "{}\n");
                return new Reviewer(CandorConfig.load(dir.resolve("candor.yaml")));
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SourceFigures measure(String source, Reviewer reviewer) {
        List<LabelledData.Row> rows = bySource.get(source).stream().filter(measured).toList();
        if (rows.stream().anyMatch(LabelledData.Row::isPair)) {
            return pairs(source, rows, reviewer);
        }
        int positives = 0;
        int tp = 0;
        int fp = 0;
        for (LabelledData.Row r : rows) {
            boolean said = reviewer.review(Draft.of(r.text())).has(Category.PITCH);
            positives += r.pitch() ? 1 : 0;
            tp += r.pitch() && said ? 1 : 0;
            fp += !r.pitch() && said ? 1 : 0;
        }
        SourceFigures.Kind kind = positives == 0 ? SourceFigures.Kind.CONVERSATION : SourceFigures.Kind.PITCH;
        return new SourceFigures(source, kind, rows.size(), positives, tp, fp, 0, 0, 0);
    }

    private static SourceFigures pairs(String source, List<LabelledData.Row> rows, Reviewer reviewer) {
        List<LabelledData.Row> genuine = rows.stream().filter(r -> r.label().equals("answers")).toList();
        List<LabelledData.Row> mismatched = new ArrayList<>(rows.stream().filter(r -> r.label().equals("ignores")).toList());
        if (mismatched.isEmpty()) {
            // a file of genuine pairs only: each reply put under the message of another pair, fixed seed
            Random rnd = new Random(PAIR_SEED);
            for (LabelledData.Row r : genuine) {
                LabelledData.Row other = genuine.get(rnd.nextInt(genuine.size()));
                if (!other.replyTo().equals(r.replyTo())) {
                    mismatched.add(new LabelledData.Row(r.id() + "~x", r.text(), other.replyTo(), "ignores", source));
                }
            }
        }
        int ignored = 0;
        int pitched = 0;
        for (LabelledData.Row r : genuine) {
            Review v = reviewer.review(reply(r));
            ignored += ignores(v) ? 1 : 0;
            pitched += v.has(Category.PITCH) ? 1 : 0;
        }
        int caught = 0;
        for (LabelledData.Row r : mismatched) {
            caught += ignores(reviewer.review(reply(r))) ? 1 : 0;
        }
        return new SourceFigures(source, SourceFigures.Kind.PAIRS, genuine.size(), 0, 0, pitched, mismatched.size(),
                caught, ignored);
    }

    private static Draft reply(LabelledData.Row r) {
        return new Draft(r.text(), List.of(), Optional.of(r.replyTo()), "", "", "quality", DraftKind.REPLY);
    }

    private static boolean ignores(Review v) {
        return v.findings().stream().anyMatch(f -> f.rule().equals(IGNORES_RULE));
    }
}
