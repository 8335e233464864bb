package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.review.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reply that shares no content word, name or handle with the message it answers, and
 * does not open like an answer or an acknowledgement ("Yes,", "Not yet", "Thanks"): it
 * may be answering someone else.
 */
final class ReplyOverlapDetector implements Detector {
    record Settings(Integer minReplyWords, Integer minOriginalWords, List<String> answerOpenerPatterns,
                    List<String> stopwords) {
        Settings {
            minReplyWords = minReplyWords == null ? 4 : minReplyWords;
            minOriginalWords = minOriginalWords == null ? 2 : minOriginalWords;
            answerOpenerPatterns = answerOpenerPatterns == null ? List.of() : answerOpenerPatterns;
            stopwords = stopwords == null ? List.of() : stopwords;
        }
    }

    private final Rule rule;
    private final Set<String> stopwords;
    private final Pattern answerOpeners;
    private final int minReplyWords;
    private final int minOriginalWords;

    ReplyOverlapDetector(Rule rule) {
        this.rule = rule;
        Settings s = rule.spec().settings(Settings.class);
        this.stopwords = new HashSet<>(io.candor.review.RuleSpec.folded(s.stopwords()));
        this.answerOpeners = rule.spec().pattern("answer_opener_patterns", s.answerOpenerPatterns());
        this.minReplyWords = s.minReplyWords();
        this.minOriginalWords = s.minOriginalWords();
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isEmpty()) {
            return List.of();
        }
        AnalyzedDraft original = d.replyTo().get();
        Set<String> theirs = Words.content(original, stopwords);
        Set<String> mine = Words.content(d, stopwords);
        if (theirs.size() < minOriginalWords || d.words().size() < minReplyWords) {
            return List.of();
        }
        if (!Words.shared(mine, theirs).isEmpty()) {
            return List.of();
        }
        if (answerOpeners != null && answerOpeners.matcher(d.folded()).lookingAt()) {
            return List.of();
        }
        return List.of(rule.at(d, Spans.opening(d), java.util.Map.of("original", io.candor.review.Rule.quote(original.original()))));
    }
}
