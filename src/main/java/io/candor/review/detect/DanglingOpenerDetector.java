package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post that opens by pointing ("This is huge", "Check this out", "See below") at
 * something the reader cannot see: no link, no quote, no message it answers.
 */
final class DanglingOpenerDetector implements Detector {
    record Settings(List<String> openerPatterns) {
        Settings {
            openerPatterns = openerPatterns == null ? List.of() : openerPatterns;
        }
    }

    private final Rule rule;
    private final Pattern openers;

    DanglingOpenerDetector(Rule rule) {
        this.rule = rule;
        this.openers = rule.spec().pattern("opener_patterns", rule.spec().settings(Settings.class).openerPatterns());
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isPresent() || !d.of(Token.Kind.LINK).isEmpty() || d.folded().contains("\"")
                || d.folded().contains(":")) {
            return List.of();
        }
        Matcher m = openers.matcher(d.folded());
        if (!m.lookingAt()) {
            return List.of();
        }
        return List.of(rule.at(d, d.span(m.start(), m.end())));
    }
}
