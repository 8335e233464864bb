package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the phrases and patterns a rule lists. Optional conditions keep it honest:
 * {@code applies} (replies only, posts only), {@code requires} (another phrase that must
 * be in the draft too, e.g. a welcome for an auto-DM line), {@code unless_asked} (words in
 * the message being answered that make the phrase welcome, e.g. they asked for a link),
 * {@code unless} (words anywhere in the draft that answer the concern, e.g. a named source
 * for a claim), {@code skip_questions} (a match in a sentence that ends in "?" asks rather than claims).
 */
final class PhraseDetector implements Detector {
    private final Rule rule;
    private final PhraseSet pattern;
    private final Pattern requires;
    private final Pattern unlessAsked;
    private final Pattern unless;
    private final Applies applies;
    private final int max;
    private final boolean skipQuestions;

    PhraseDetector(Rule rule) {
        this.rule = rule;
        this.pattern = rule.spec().phrases("phrases", "patterns");
        this.requires = rule.spec().matcher("requires", "requires_patterns");
        this.unlessAsked = rule.spec().matcher("unless_asked", "unless_asked_patterns");
        this.unless = rule.spec().matcher("unless", "unless_patterns");
        this.applies = Applies.of(rule.spec());
        this.max = rule.spec().integer("max_findings", 3);
        this.skipQuestions = rule.spec().flag("skip_questions", false);
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (pattern == null || !applies.to(d)) {
            return List.of();
        }
        List<int[]> found = pattern.findAll(d, Integer.MAX_VALUE);
        if (found.isEmpty()) {
            return List.of();
        }
        if (requires != null && !requires.matcher(d.folded()).find()) {
            return List.of();
        }
        if (unless != null && unless.matcher(d.folded()).find()) {
            return List.of();
        }
        if (unlessAsked != null && d.replyTo().isPresent()
                && unlessAsked.matcher(d.replyTo().get().folded()).find()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (int[] m : found) {
            if (out.size() >= max) {
                break;
            }
            if (!skipQuestions || !inQuestion(d.folded(), m[1])) {
                out.add(rule.at(d, d.span(m[0], m[1])));
            }
        }
        return out;
    }

    /** True when the sentence holding this offset ends with a question mark. */
    private static boolean inQuestion(String folded, int from) {
        for (int i = from; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '?') {
                return true;
            }
            if (c == '.' || c == '!' || c == '\n') {
                return false;
            }
        }
        return false;
    }
}
