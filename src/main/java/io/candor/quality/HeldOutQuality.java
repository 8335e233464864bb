package io.candor.quality;

import io.candor.config.CandorConfig;
import io.candor.learn.LabelledData;
import io.candor.learn.LinearModel;
import io.candor.learn.ReplyModel;
import io.candor.review.Category;
import io.candor.review.Draft;
import io.candor.review.DraftKind;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.review.Writer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** The rule that asks whether a reply answers the question it was asked. */
    static final String QUESTION_RULE = "context.unanswered-question";
    /** The rule that says a reply is stock phrases that pick up nothing of the message. */
    static final String CANNED_RULE = "context.canned-reply";
    /** Rules that tell a reply it does not engage with what it answers. */
    static final Set<String> DOES_NOT_ENGAGE = Set.of(IGNORES_RULE, QUESTION_RULE, CANNED_RULE);
    private final Map<String, List<LabelledData.Row>> bySource;
    private final java.util.function.Predicate<LabelledData.Row> measured;
    private final PitchTraining training = new PitchTraining(CandorConfig.defaults());
    private final ReplyTraining replies = new ReplyTraining(CandorConfig.defaults());
    private final int pairsPerSource;

    public HeldOutQuality(Map<String, List<LabelledData.Row>> bySource) {
        this(bySource, r -> true, 0);
    }

    private HeldOutQuality(Map<String, List<LabelledData.Row>> bySource, java.util.function.Predicate<LabelledData.Row> measured,
                           int pairsPerSource) {
        this.bySource = bySource;
        this.measured = measured;
        this.pairsPerSource = pairsPerSource;
    }

    /** The same data with at most {@code n} genuine pairs per pair file (and as many mismatched), for a quicker run. */
    public HeldOutQuality pairsPerSource(int n) {
        return new HeldOutQuality(bySource, measured, n);
    }

    /**
     * The same data, measured only on rows nobody read: while writing rules, misses and false
     * alarms were read only from rows whose id hashes to an even number ({@link #readable}),
     * so the odd half is text the rules were never adjusted to.
     */
    public HeldOutQuality unreadHalf() {
        return new HeldOutQuality(bySource, r -> !readable(r), pairsPerSource);
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

    /** The reply model trained and calibrated on every pair file but {@code leaveOut}. */
    public ReplyModel trainReplies(Set<String> leaveOut) {
        return replies.train(pairs(), leaveOut);
    }

    private Map<String, List<ReplyTraining.Pair>> pairCache;

    /** The reply pairs measured and trained on, genuine and mismatched, per pair file. */
    public synchronized Map<String, List<ReplyTraining.Pair>> pairs() {
        if (pairCache == null) {
            pairCache = ReplyTraining.pairs(bySource, pairsPerSource);
        }
        return pairCache;
    }

    /** Each source measured with a model that never saw it. */
    public List<SourceFigures> heldOut() {
        List<SourceFigures> out = new ArrayList<>();
        ReplyModel allReplies = null;
        for (String source : bySource.keySet()) {
            LinearModel m = training.train(bySource, Set.of(source));
            boolean isPairs = pairs().containsKey(source);
            if (!isPairs && allReplies == null) {
                allReplies = trainReplies(Set.of());
            }
            out.add(measure(source, reviewerWith(m, isPairs ? trainReplies(Set.of(source)) : allReplies)));
        }
        return out;
    }

    /** Each source measured with one model trained on all of them. */
    public List<SourceFigures> tuned() {
        Reviewer r = reviewerWith(training.train(bySource, Set.of()), trainReplies(Set.of()));
        List<SourceFigures> out = new ArrayList<>();
        for (String source : bySource.keySet()) {
            out.add(measure(source, r));
        }
        return out;
    }

    /** A reviewer with the shipped rules and settings and these models in place of the shipped ones. */
    public static Reviewer reviewerWith(LinearModel model, ReplyModel replyModel) {
        try {
            Path dir = Files.createTempDirectory("candor-quality");
            try {
                Path rules = Files.createDirectories(dir.resolve("rules"));
                Files.write(rules.resolve("pitch-model.bin"), model.toBytes());
                Files.writeString(rules.resolve("reply-model.json"), replyModel.toJson());
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
        if (pairs().containsKey(source)) {
            return pairs(source, reviewer);
        }
        List<LabelledData.Row> rows = bySource.get(source).stream().filter(measured).toList();
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
        return new SourceFigures(source, kind, rows.size(), positives, tp, fp);
    }

    private SourceFigures pairs(String source, Reviewer reviewer) {
        List<ReplyTraining.Pair> all = pairs().get(source).stream()
                .filter(p -> measured.test(new LabelledData.Row(p.reply(), p.reply(), p.message(), "", source))).toList();
        int genuine = 0;
        int ignored = 0;
        int pitched = 0;
        int mismatched = 0;
        int caught = 0;
        int questioned = 0;
        int mismatchQuestioned = 0;
        int warned = 0;
        int problems = 0;
        for (ReplyTraining.Pair p : all) {
            Review v = reviewer.review(new Draft(p.reply(), List.of(), Optional.of(p.message()), Writer.fromTool("quality", "", ""), DraftKind.REPLY));
            if (p.genuine()) {
                genuine++;
                ignored += ignores(v) ? 1 : 0;
                pitched += v.has(Category.PITCH) ? 1 : 0;
                questioned += questions(v) ? 1 : 0;
                warned += v.verdict() != io.candor.review.Verdict.READY ? 1 : 0;
                problems += v.verdict() == io.candor.review.Verdict.RETHINK ? 1 : 0;
            } else {
                mismatched++;
                caught += ignores(v) ? 1 : 0;
                mismatchQuestioned += questions(v) ? 1 : 0;
            }
        }
        return new SourceFigures(source, SourceFigures.Kind.PAIRS, genuine, 0, 0, pitched, mismatched, caught, ignored,
                questioned, mismatchQuestioned, warned, problems);
    }

    private static boolean questions(Review v) {
        return v.findings().stream().anyMatch(f -> f.rule().equals(QUESTION_RULE));
    }

    private static boolean ignores(Review v) {
        return v.findings().stream().anyMatch(f -> DOES_NOT_ENGAGE.contains(f.rule()));
    }
}
