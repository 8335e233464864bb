package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.learn.LinearModel;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.text.Token;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The learned pitch model (see {@code candor train-model}): when the concepts and shape of a
 * draft, weighed together, read like unsolicited promotion, it quotes the words that weighed
 * most, so even this finding points at text the writer can change.
 */
final class LearnedDetector implements Detector {
    record Settings(String model, Double minLogOdds, List<String> cuesFrom, Boolean words, List<String> unlessPatterns) {
        Settings {
            unlessPatterns = unlessPatterns == null ? List.of() : unlessPatterns;
            model = model == null ? "pitch-model.bin" : model;
            minLogOdds = minLogOdds == null ? 4.0 : minLogOdds;
            cuesFrom = cuesFrom == null ? List.of() : cuesFrom;
            words = words == null || words;
        }
    }

    private final Rule rule;
    private final LinearModel model;
    private final PitchFeatures features;
    private final double minLogOdds;
    /** Words that show the text is about something else than selling (a donation, relief): the model stays quiet. */
    private final java.util.regex.Pattern unless;

    LearnedDetector(Rule rule, DataFiles files, List<RuleSpec> catalogue) {
        Settings s = rule.spec().settings(Settings.class);
        this.rule = rule;
        byte[] bytes = files.readBytes(s.model()).orElseThrow(() -> new ConfigException(rule.spec().where()
                + ": model file " + s.model() + " not found"));
        try {
            this.model = LinearModel.fromBytes(bytes);
        } catch (IOException e) {
            throw new ConfigException(files.describe(s.model()) + " is not a usable model: " + e.getMessage(), e);
        }
        this.features = new PitchFeatures(new ConceptCues(catalogue, s.cuesFrom(), rule.spec().where()), s.words(),
                model.bits());
        this.minLogOdds = s.minLogOdds();
        this.unless = rule.spec().pattern("unless_patterns", s.unlessPatterns());
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        LinearModel.Score s = model.score(features.of(d), d.tokens().size());
        if (s.logOdds() <= minLogOdds || !s.hasQuote() || unless != null && unless.matcher(d.folded()).find()) {
            return List.of();
        }
        Token first = d.tokens().get(s.first());
        Token last = d.tokens().get(s.last());
        return List.of(rule.at(d, d.span(first.start(), last.end()),
                Map.of("odds", String.format("%.0f", Math.min(Math.exp(s.logOdds()), 1e6)))));
    }
}
