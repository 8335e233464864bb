package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A link with too few of the writer's own words around it: the reader cannot tell what
 * is behind it or why they should care.
 */
final class BareLinkDetector implements Detector {
    private final Rule rule;
    private final Set<String> filler;
    private final int minWords;

    BareLinkDetector(Rule rule) {
        this.rule = rule;
        this.filler = new HashSet<>(rule.spec().folded("filler"));
        this.minWords = rule.spec().integer("min_own_words", 5);
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Token> links = d.of(Token.Kind.LINK);
        if (links.isEmpty()) {
            return List.of();
        }
        int own = OwnWords.count(d, filler);
        if (own >= minWords * links.size()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Token l : links.subList(0, Math.min(links.size(), 3))) {
            out.add(rule.at(d, d.span(l), Map.of("words", own, "min", minWords)));
        }
        return out;
    }
}
