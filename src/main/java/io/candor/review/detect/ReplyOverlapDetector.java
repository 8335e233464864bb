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
    private final Rule rule;
    private final Set<String> stopwords;
    private final Pattern answerOpeners;
    private final int minReplyWords;
    private final int minOriginalWords;

    ReplyOverlapDetector(Rule rule) {
        this.rule = rule;
        this.stopwords = new HashSet<>(rule.spec().folded("stopwords"));
        this.answerOpeners = rule.spec().matcher("answer_openers", "answer_opener_patterns");
        this.minReplyWords = rule.spec().integer("min_reply_words", 4);
        this.minOriginalWords = rule.spec().integer("min_original_words", 2);
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
