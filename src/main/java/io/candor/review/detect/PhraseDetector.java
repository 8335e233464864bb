package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the phrases and patterns a rule lists. Optional conditions keep it honest:
 * {@code requires_patterns} (something else that must be in the draft too, e.g. a push for an
 * auto-DM line), {@code unless_patterns} (words anywhere in the draft that answer the concern,
 * e.g. a named source for a claim), {@code unless_asked_patterns} (words in the message being
 * answered that make the phrase welcome, e.g. they asked for a link), {@code skip_questions}
 * (a match in a sentence that ends in "?" asks rather than claims). With {@code one_finding}, a
 * draft gets one finding however many phrases it has: it quotes the first and names the others
 * in {@code {{others}}} ("like if you agree", "share if you care" and "tag a friend" are one habit).
 */
final class PhraseDetector implements Detector {
    record Settings(List<String> phrases, List<String> patterns, List<String> requiresPatterns,
                    List<String> unlessPatterns, List<String> unlessAskedPatterns, Integer maxFindings,
                    Boolean skipQuestions, Boolean oneFinding) {
        Settings {
            phrases = phrases == null ? List.of() : phrases;
            patterns = patterns == null ? List.of() : patterns;
            requiresPatterns = requiresPatterns == null ? List.of() : requiresPatterns;
            unlessPatterns = unlessPatterns == null ? List.of() : unlessPatterns;
            unlessAskedPatterns = unlessAskedPatterns == null ? List.of() : unlessAskedPatterns;
            maxFindings = maxFindings == null ? 3 : maxFindings;
            skipQuestions = skipQuestions != null && skipQuestions;
            oneFinding = oneFinding != null && oneFinding;
        }
    }

    private final Rule rule;
    private final PhraseSet pattern;
    private final Pattern requires;
    private final Pattern unlessAsked;
    private final Pattern unless;
    private final int max;
    private final boolean skipQuestions;
    private final boolean oneFinding;

    PhraseDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        this.pattern = spec.phrases("patterns", s.phrases(), s.patterns());
        this.requires = spec.pattern("requires_patterns", s.requiresPatterns());
        this.unlessAsked = spec.pattern("unless_asked_patterns", s.unlessAskedPatterns());
        this.unless = spec.pattern("unless_patterns", s.unlessPatterns());
        this.max = s.maxFindings();
        this.skipQuestions = s.skipQuestions();
        this.oneFinding = s.oneFinding();
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (pattern == null) {
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
        List<io.candor.text.Span> spans = new ArrayList<>();
        for (int[] m : found) {
            if (spans.size() >= max) {
                break;
            }
            if (!skipQuestions || !Sentences.inQuestion(d.folded(), m[1])) {
                spans.add(d.span(m[0], m[1]));
            }
        }
        if (spans.isEmpty()) {
            return List.of();
        }
        if (oneFinding) {
            List<String> others = new ArrayList<>();
            for (io.candor.text.Span s : spans.subList(1, spans.size())) {
                others.add("“" + Rule.quote(s.of(d.original())) + "”");
            }
            return List.of(rule.at(d, spans.get(0), java.util.Map.of("others", String.join(", ", others),
                    "more", !others.isEmpty(), "count", spans.size())));
        }
        List<Finding> out = new ArrayList<>();
        for (io.candor.text.Span s : spans) {
            out.add(rule.at(d, s));
        }
        return out;
    }
}
