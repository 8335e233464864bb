package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.learn.PitchModel;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The learned pitch model (see {@code candor train-model}): when the wording as a whole
 * reads like unsolicited promotion, it reports the words that weighed most, so even this
 * finding points at text the writer can change.
 */
final class LearnedDetector implements Detector {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Rule rule;
    private final PitchModel model;
    private final double minLogOdds;

    LearnedDetector(Rule rule, DataFiles files) {
        this.rule = rule;
        String name = rule.spec().text("model", "pitch-model.json");
        String text = files.read(name).orElseThrow(() -> new ConfigException(rule.spec().file() + ": rule "
                + rule.id() + ": model file " + name + " not found"));
        try {
            this.model = PitchModel.fromJson(JSON.readTree(text));
        } catch (IOException e) {
            throw new ConfigException(files.describe(name) + " is not a usable model: " + e.getMessage(), e);
        }
        this.minLogOdds = rule.spec().decimal("min_log_odds", 4.0);
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        PitchModel.Score s = model.score(d.tokens());
        if (s.logOdds() <= minLogOdds || s.strongest() == null) {
            return List.of();
        }
        Token first = d.tokens().get(s.strongest().first());
        Token last = d.tokens().get(s.strongest().last());
        return List.of(rule.at(d, d.span(first.start(), last.end()),
                Map.of("odds", String.format("%.0f", Math.min(Math.exp(s.logOdds()), 1e6)))));
    }
}
