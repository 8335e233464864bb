package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A thank-you that would fit anyone ("Thanks for sharing!", "Thanks for the follow"):
 * the thanks line with next to nothing of the writer's own about the person or the post.
 */
final class GenericThanksDetector implements Detector {
    record Settings(List<String> patterns, List<String> filler, Integer maxOwnWords) {
        Settings {
            patterns = patterns == null ? List.of() : patterns;
            filler = filler == null ? List.of() : filler;
            maxOwnWords = maxOwnWords == null ? 1 : maxOwnWords;
        }
    }

    private final Rule rule;
    private final PhraseSet thanks;
    private final Set<String> filler;
    private final int maxOwnWords;

    GenericThanksDetector(Rule rule) {
        this.rule = rule;
        Settings s = rule.spec().settings(Settings.class);
        this.thanks = rule.spec().phrases("patterns", s.patterns());
        this.filler = new HashSet<>(io.candor.review.RuleSpec.folded(s.filler()));
        this.maxOwnWords = s.maxOwnWords();
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<int[]> found = thanks.findAll(d, 1);
        if (found.isEmpty()) {
            return List.of();
        }
        int start = found.get(0)[0];
        int end = found.get(0)[1];
        int own = 0;
        for (Token t : d.tokens()) {
            boolean inside = t.start() >= start && t.end() <= end;
            if (!inside && (t.is(Token.Kind.WORD) && !filler.contains(t.text()) || t.is(Token.Kind.HANDLE)
                    || t.is(Token.Kind.LINK))) {
                own++;
            }
        }
        if (own > maxOwnWords) {
            return List.of();
        }
        return List.of(rule.at(d, d.span(start, end)));
    }
}
