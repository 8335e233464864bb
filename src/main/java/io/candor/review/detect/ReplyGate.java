package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.review.AnalyzedDraft;
import io.candor.review.RuleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which replies the relevance rule judges at all: long enough to say something, answering a
 * message long enough to be about something, and not a reaction ("lol exactly", "thanks!"),
 * which answers whatever was said. Training calibrates on the same replies review judges.
 */
public final class ReplyGate {
    private final int minReplyWords;
    private final int minOriginalWords;
    private final Pattern reaction;
    private final Set<String> stopwords;

    ReplyGate(RuleSpec spec) {
        ReplyRelevanceDetector.Settings s = spec.settings(ReplyRelevanceDetector.Settings.class);
        this.minReplyWords = s.minReplyWords();
        this.minOriginalWords = s.minOriginalWords();
        this.reaction = spec.pattern("reaction_patterns", s.reactionPatterns());
        this.stopwords = new HashSet<>(RuleSpec.folded(s.stopwords()));
    }

    /** The gate of the catalogue's relevance rule ({@code detector: reply-relevance}). */
    public static ReplyGate of(List<RuleSpec> catalogue) {
        return new ReplyGate(catalogue.stream().filter(s -> s.detector().equals("reply-relevance")).findFirst()
                .orElseThrow(() -> new ConfigException("no rule with detector: reply-relevance in the catalogue")));
    }

    public boolean judges(AnalyzedDraft reply, AnalyzedDraft message) {
        return reply.words().size() >= minReplyWords && message.words().size() >= minOriginalWords
                && (reaction == null || !reaction.matcher(reply.folded()).lookingAt());
    }

    public Set<String> stopwords() {
        return stopwords;
    }
}
