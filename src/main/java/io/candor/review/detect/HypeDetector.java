package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Urgency ("limited time", "act now") always; shouting (runs of "!!!", words in capitals)
 * only when the draft also sells, because people shout in plain conversation too.
 */
final class HypeDetector implements Detector {
    private final Rule rule;
    private final PhraseSet urgency;
    private final PhraseSet sells;
    private final Pattern bangs;
    private final int minCapsWords;
    private final Set<String> acronyms;
    private final int max;

    HypeDetector(Rule rule) {
        this.rule = rule;
        this.urgency = rule.spec().phrases("urgency", "urgency_patterns");
        this.sells = rule.spec().phrases("sells", "sells_patterns");
        this.bangs = Pattern.compile("!{" + rule.spec().integer("min_bangs", 3) + ",}");
        this.minCapsWords = rule.spec().integer("min_caps_words", 3);
        this.acronyms = new HashSet<>(rule.spec().folded("acronyms"));
        this.max = rule.spec().integer("max_findings", 3);
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Finding> out = new ArrayList<>();
        if (urgency != null) {
            for (int[] m : urgency.findAll(d, max)) {
                out.add(rule.at(d, d.span(m[0], m[1])));
            }
        }
        boolean selling = sells != null && sells.foundIn(d);
        if (!selling) {
            return out;
        }
        Matcher b = bangs.matcher(d.folded());
        if (b.find() && out.size() < max) {
            out.add(rule.at(d, d.span(b.start(), b.end())));
        }
        capsRun(d, out);
        return out;
    }

    /** The first run of words typed in capitals (acronyms and one-letter words do not count). */
    private void capsRun(AnalyzedDraft d, List<Finding> out) {
        String orig = d.original();
        int runStart = -1;
        int runEnd = -1;
        int count = 0;
        for (Token t : d.tokens()) {
            if (!t.is(Token.Kind.WORD)) {
                if (t.is(Token.Kind.PUNCT) || t.is(Token.Kind.EMOJI)) {
                    continue;
                }
            }
            var span = d.span(t);
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
        if (count >= minCapsWords && out.size() < max) {
            out.add(rule.at(d, new io.candor.text.Span(runStart, runEnd)));
        }
    }
}
