package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.text.Span;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Urgency ("limited time", "act now") always; shouting (runs of "!!!", words in capitals)
 * only when the draft also sells, because people shout in plain conversation too (an angry
 * customer is not an ad). However often a draft hypes, it is one finding: it quotes the
 * first and names the others.
 */
final class HypeDetector implements Detector {
    record Settings(List<String> urgencyPatterns, List<String> sellsPatterns, Integer minBangs, Integer minCapsWords,
                    List<String> acronyms) {
        Settings {
            urgencyPatterns = urgencyPatterns == null ? List.of() : urgencyPatterns;
            sellsPatterns = sellsPatterns == null ? List.of() : sellsPatterns;
            minBangs = minBangs == null ? 3 : minBangs;
            minCapsWords = minCapsWords == null ? 3 : minCapsWords;
            acronyms = acronyms == null ? List.of() : acronyms;
        }
    }

    private static final int MAX_NAMED = 3;
    private final Rule rule;
    private final PhraseSet urgency;
    private final PhraseSet sells;
    private final Pattern bangs;
    private final int minCapsWords;
    private final Set<String> acronyms;

    HypeDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        this.urgency = spec.phrases("urgency_patterns", s.urgencyPatterns());
        this.sells = spec.phrases("sells_patterns", s.sellsPatterns());
        this.bangs = Pattern.compile("!{" + s.minBangs() + ",}");
        this.minCapsWords = s.minCapsWords();
        this.acronyms = new HashSet<>(RuleSpec.folded(s.acronyms()));
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Span> hype = new ArrayList<>();
        if (urgency != null) {
            for (int[] m : urgency.findAll(d, MAX_NAMED)) {
                hype.add(d.span(m[0], m[1]));
            }
        }
        if (sells != null && sells.foundIn(d)) {
            Matcher b = bangs.matcher(d.folded());
            if (b.find()) {
                hype.add(d.span(b.start(), b.end()));
            }
            Span caps = capsRun(d);
            if (caps != null) {
                hype.add(caps);
            }
        }
        if (hype.isEmpty()) {
            return List.of();
        }
        hype.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<String> others = new ArrayList<>();
        int quotedTo = hype.get(0).end();
        for (Span s : hype.subList(1, Math.min(hype.size(), MAX_NAMED))) {
            if (s.start() < quotedTo) {
                continue; // "TODAY ONLY" is urgency and a run of capitals at once: quoted once
            }
            others.add("“" + Rule.quote(s.of(d.original())) + "”");
            quotedTo = s.end();
        }
        return List.of(rule.at(d, hype.get(0), Map.of("others", String.join(", ", others),
                "more", !others.isEmpty())));
    }

    /** The first run of words typed in capitals (acronyms and one-letter words do not count). */
    private Span capsRun(AnalyzedDraft d) {
        String orig = d.original();
        int runStart = -1;
        int runEnd = -1;
        int count = 0;
        for (Token t : d.tokens()) {
            if (t.is(Token.Kind.PUNCT) || t.is(Token.Kind.EMOJI)) {
                continue;
            }
            Span span = d.span(t);
            String w = span.of(orig);
            boolean caps = t.is(Token.Kind.WORD) && t.text().length() >= 2 && !acronyms.contains(t.text())
                    && w.codePoints().anyMatch(Character::isLetter)
                    && w.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
            if (caps) {
                if (count == 0) {
                    runStart = span.start();
                }
                runEnd = span.end();
                count++;
            } else {
                if (count >= minCapsWords) {
                    break;
                }
                count = 0;
            }
        }
        return count >= minCapsWords ? new Span(runStart, runEnd) : null;
    }
}
