package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A post that only talks at people: no question, no "you", and much "we/our" (at least
 * {@code min_self_words} of them, and {@code min_self_share} of its words). A hint, never a
 * problem: announcements are allowed, but invite a reply when you can.
 */
final class TalksAtDetector implements Detector {
    record Settings(Integer minWords, Double minSelfShare, Integer minSelfWords, List<String> selfWords, List<String> readerWords) {
        Settings {
            minWords = minWords == null ? 12 : minWords;
            minSelfShare = minSelfShare == null ? 0.08 : minSelfShare;
            minSelfWords = minSelfWords == null ? 1 : minSelfWords;
            selfWords = selfWords == null ? List.of() : selfWords;
            readerWords = readerWords == null ? List.of() : readerWords;
        }
    }

    private final Rule rule;
    private final Set<String> self;
    private final Set<String> reader;
    private final int minWords;
    private final double minSelfShare;
    private final int minSelfWords;

    TalksAtDetector(Rule rule) {
        this.rule = rule;
        Settings s = rule.spec().settings(Settings.class);
        this.self = new HashSet<>(io.candor.review.RuleSpec.folded(s.selfWords()));
        this.reader = new HashSet<>(io.candor.review.RuleSpec.folded(s.readerWords()));
        this.minWords = s.minWords();
        this.minSelfShare = s.minSelfShare();
        this.minSelfWords = s.minSelfWords();
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isPresent() || d.folded().contains("?")) {
            return List.of();
        }
        List<Token> words = d.of(Token.Kind.WORD);
        if (words.size() < minWords) {
            return List.of();
        }
        int selfCount = 0;
        for (Token w : words) {
            if (reader.contains(w.text())) {
                return List.of();
            }
            if (self.contains(w.text())) {
                selfCount++;
            }
        }
        if (selfCount < minSelfWords || (double) selfCount / words.size() < minSelfShare) {
            return List.of();
        }
        return List.of(rule.at(d, Spans.opening(d), Map.of("count", selfCount)));
    }
}
