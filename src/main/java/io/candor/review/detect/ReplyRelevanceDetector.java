package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.learn.ReplyModel;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.review.Severity;
import io.candor.review.Situation;
import io.candor.text.Span;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply that does not engage with what it answers, judged by meaning as well as words (see
 * {@link ReplyFeatures}) with a model calibrated on real reply threads. Short reactions,
 * agreement and thanks never "ignore" anything. Confidence sets the tone: a strong signal is
 * the rule's warning, a weaker one only asks, quoting what they asked or said.
 */
final class ReplyRelevanceDetector implements Detector {
    record Settings(String model, Integer minReplyWords, Integer minOriginalWords, List<String> reactionPatterns,
                    List<String> stopwords) {
        Settings {
            model = model == null ? "reply-model.json" : model;
            minReplyWords = minReplyWords == null ? 4 : minReplyWords;
            minOriginalWords = minOriginalWords == null ? 3 : minOriginalWords;
            reactionPatterns = reactionPatterns == null ? List.of() : reactionPatterns;
            stopwords = stopwords == null ? List.of() : stopwords;
        }
    }

    private static final Pattern QUESTION = Pattern.compile("[^.!?\\n]*\\?");
    /** A message this short that asks or complains is asking you directly. */
    private static final int DIRECT_WORDS = 40;
    private final Rule rule;
    private final ReplyModel model;
    private final ReplyGate gate;

    ReplyRelevanceDetector(Rule rule, DataFiles files) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        String text = files.read(s.model()).orElseThrow(() -> new ConfigException(spec.where() + ": model file "
                + s.model() + " not found"));
        try {
            this.model = ReplyModel.fromJson(text);
        } catch (IOException e) {
            throw new ConfigException(files.describe(s.model()) + " is not a usable reply model: " + e.getMessage(), e);
        }
        if (!model.features().equals(ReplyFeatures.NAMES)) {
            throw new ConfigException(files.describe(s.model()) + " was trained on other features " + model.features()
                    + "; retrain it with candor train-model");
        }
        this.gate = new ReplyGate(spec);
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isEmpty()) {
            return List.of();
        }
        AnalyzedDraft original = d.replyTo().get();
        if (!gate.judges(d, original)) {
            return List.of(); // too short to judge, or agreement, thanks, a laugh: nothing to ignore
        }
        double score;
        try {
            score = model.score(ReplyFeatures.of(d, original, gate.stopwords()));
        } catch (IllegalStateException e) {
            return List.of(); // the meaning model cannot run here: say nothing rather than guess from words
        }
        if (score <= model.hintAbove()) {
            return List.of();
        }
        // to a direct question or a complaint, an answer that is not one is worth a warning as soon as it is likely
        boolean direct = original.words().size() <= DIRECT_WORDS
                && (d.exchange().is(Situation.COMPLAINT) || question(original.original()) != null);
        boolean strong = score > (direct ? model.hintAbove() : model.warnAbove());
        Map<String, Object> vars = new HashMap<>();
        String asked = question(original.original());
        vars.put("original", Rule.quote(asked != null ? asked : original.original()));
        vars.put("asked", asked != null);
        vars.put("strong", strong);
        Span at = Spans.opening(d);
        return List.of(strong ? rule.at(d, at, vars) : rule.at(d, at, vars, Severity.HINT));
    }

    /** The last question the message asks, if it asks one. */
    static String question(String message) {
        Matcher m = QUESTION.matcher(message);
        String last = null;
        while (m.find()) {
            String q = m.group().strip();
            if (q.chars().filter(Character::isLetter).count() >= 3) {
                last = q;
            }
        }
        return last;
    }

}
