package io.candor.quality;

import io.candor.config.CandorConfig;
import io.candor.learn.LabelledData;
import io.candor.learn.ReplyModel;
import io.candor.meaning.Meaning;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Draft;
import io.candor.review.ReviewSettings;
import io.candor.review.RuleCatalog;
import io.candor.review.detect.ReplyGate;
import io.candor.review.detect.ReplyFeatures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains and calibrates the reply model on reply pairs: real replies under the message they
 * answer, and the same replies under a message of another thread. Each file weighs the same.
 * The two thresholds are read off the genuine replies of the training files: the hint fires
 * on {@link #HINT_RATE} of them, the warning on {@link #WARN_RATE}; a file left out of
 * training is then measured with thresholds it had no say in.
 */
public final class ReplyTraining {
    /**
     * Share of genuine training replies a hint may question: the target is at most 2% on unseen
     * files for this rule, the canned-reply rule and the unanswered-question rule together.
     */
    static final double HINT_RATE = 0.0125;
    static final double WARN_RATE = 0.005;
    private static final long PAIR_SEED = 20261130L;

    /**
     * One pair: a reply, the message it is put under, and whether that is its real message.
     * {@code sameThread}: a reply that does not answer was judged off-topic by people reading
     * its own thread (forum answers), rather than put under another thread's message.
     */
    public record Pair(String source, String reply, String message, boolean genuine, boolean sameThread) {
        public Pair(String source, String reply, String message, boolean genuine) {
            this(source, reply, message, genuine, false);
        }
    }

    /**
     * Sources whose non-answers come from their own thread are measured, never trained on: an
     * off-topic answer in a forum thread is about the thread's subject (same meaning, other
     * point), so learning from them teaches the model that replies about the same thing ignore
     * it, and it then misses replies about something else entirely (measured: on Twitter replies
     * left out, mismatches caught fell from 17% to 9%).
     */
    static boolean trainable(List<Pair> pairs) {
        return pairs.stream().noneMatch(Pair::sameThread);
    }

    private final ReplyGate gate;
    private final Map<Pair, double[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Pair, Boolean> judged = new java.util.concurrent.ConcurrentHashMap<>();

    public ReplyTraining(CandorConfig config) {
        // the rule's own gate and stop words, so training sees what review sees
        this.gate = ReplyGate.of(RuleCatalog.load(config.rules(), config.section("review", ReviewSettings.class)));
        Meaning.rememberUpTo(60_000);
    }

    /** Genuine and mismatched pairs of each pair file; files with genuine pairs only get mismatches made with a fixed seed. */
    public static Map<String, List<Pair>> pairs(Map<String, List<LabelledData.Row>> bySource, int perSource) {
        Map<String, List<Pair>> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<LabelledData.Row>> e : bySource.entrySet()) {
            List<LabelledData.Row> rows = e.getValue();
            if (rows.isEmpty() || !rows.get(0).isPair()) {
                continue;
            }
            List<LabelledData.Row> genuine = rows.stream().filter(r -> r.label().equals("answers")).toList();
            List<LabelledData.Row> ignores = rows.stream().filter(LabelledData.Row::doesNotAnswer).toList();
            if (perSource > 0 && genuine.size() > perSource) {
                List<LabelledData.Row> g = new ArrayList<>(genuine);
                Collections.shuffle(g, new Random(PAIR_SEED));
                genuine = g.subList(0, perSource);
                if (!ignores.isEmpty()) {
                    List<LabelledData.Row> i = new ArrayList<>(ignores);
                    Collections.shuffle(i, new Random(PAIR_SEED));
                    ignores = i.subList(0, Math.min(perSource, i.size()));
                }
            }
            List<Pair> ps = new ArrayList<>();
            for (LabelledData.Row r : genuine) {
                ps.add(new Pair(e.getKey(), r.text(), r.replyTo(), true));
            }
            if (ignores.isEmpty()) {
                Random rnd = new Random(PAIR_SEED);
                for (LabelledData.Row r : genuine) {
                    LabelledData.Row other = genuine.get(rnd.nextInt(genuine.size()));
                    if (!other.replyTo().equals(r.replyTo())) {
                        ps.add(new Pair(e.getKey(), r.text(), other.replyTo(), false));
                    }
                }
            } else {
                for (LabelledData.Row r : ignores) {
                    ps.add(new Pair(e.getKey(), r.text(), r.replyTo(), false, r.label().equals("off-topic")));
                }
            }
            out.put(e.getKey(), ps);
        }
        return out;
    }

    /** A model trained and calibrated on every pair file but those in {@code leaveOut}. */
    public ReplyModel train(Map<String, List<Pair>> bySource, Set<String> leaveOut) {
        // the sentence model is the slow part: work out every pair's features on all cores first
        bySource.entrySet().stream().filter(e -> !leaveOut.contains(e.getKey()) && trainable(e.getValue()))
                .flatMap(e -> e.getValue().stream()).toList().parallelStream().forEach(this::features);
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (Map.Entry<String, List<Pair>> e : bySource.entrySet()) {
            if (leaveOut.contains(e.getKey()) || !trainable(e.getValue())) {
                continue;
            }
            for (Pair p : e.getValue()) {
                x.add(features(p));
                y.add(!p.genuine());
                w.add(1000.0 / e.getValue().size());
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("no reply pairs left to train on: hold out fewer pair files");
        }
        ReplyModel m = ReplyModel.fit(ReplyFeatures.NAMES, x, y, w);
        List<Double> genuine = new ArrayList<>();
        List<Pair> order = new ArrayList<>();
        for (Map.Entry<String, List<Pair>> e : bySource.entrySet()) {
            if (!leaveOut.contains(e.getKey()) && trainable(e.getValue())) {
                order.addAll(e.getValue());
            }
        }
        for (int i = 0; i < x.size(); i++) {
            if (!y.get(i) && judged(order.get(i))) {
                genuine.add(m.score(x.get(i)));
            }
        }
        Collections.sort(genuine);
        double hint = genuine.get(Math.min(genuine.size() - 1, (int) Math.floor(genuine.size() * (1 - HINT_RATE))));
        double warn = genuine.get(Math.min(genuine.size() - 1, (int) Math.floor(genuine.size() * (1 - WARN_RATE))));
        return m.withThresholds(hint, warn);
    }

    /** The reviewer only judges some replies (see ReplyGate); calibration counts the same ones. */
    private boolean judged(Pair p) {
        return judged.computeIfAbsent(p, k -> gate.judges(AnalyzedDraft.of(Draft.of(k.reply())),
                AnalyzedDraft.of(Draft.of(k.message()))));
    }

    public double[] features(Pair p) {
        double[] f = cache.get(p);
        if (f != null) {
            return f;
        }
        return cache.computeIfAbsent(p, k -> ReplyFeatures.of(AnalyzedDraft.of(Draft.of(k.reply())),
                AnalyzedDraft.of(Draft.of(k.message())), gate.stopwords()));
    }
}
