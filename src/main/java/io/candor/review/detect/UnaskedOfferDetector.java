package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.review.Words;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call to action or an offer in a reply to someone who never asked for a
 * recommendation, a link or a price. When the reply shares just one word with what they
 * said, it says so: that is a reply aimed at a keyword, not at the person.
 */
final class UnaskedOfferDetector implements Detector {
    private final Rule rule;
    private final Pattern offer;
    private final Pattern asked;
    private final Set<String> stopwords;

    UnaskedOfferDetector(Rule rule) {
        this.rule = rule;
        this.offer = rule.spec().matcher("offers", "offer_patterns");
        this.asked = rule.spec().matcher("asked", "asked_patterns");
        this.stopwords = new HashSet<>(rule.spec().folded("stopwords"));
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isEmpty()) {
            return List.of();
        }
        AnalyzedDraft original = d.replyTo().get();
        if (asked != null && asked.matcher(original.folded()).find()) {
            return List.of();
        }
        Matcher m = offer.matcher(d.folded());
        if (!m.find()) {
            return List.of();
        }
        Set<String> shared = Words.shared(Words.content(d, stopwords), Words.content(original, stopwords));
        Map<String, Object> vars = new HashMap<>();
        vars.put("original", Rule.quote(original.original()));
        if (shared.size() == 1) {
            vars.put("keyword", asWritten(d, shared.iterator().next()));
        }
        return List.of(rule.at(d, d.span(m.start(), m.end()), vars));
    }

    /** The shared word as the writer typed it ("coffee"), not its stem ("coffe"). */
    private static String asWritten(AnalyzedDraft d, String stem) {
        for (io.candor.text.Token t : d.tokens()) {
            if (Words.stem(t.text()).equals(stem) || t.text().equals(stem)) {
                return d.span(t).of(d.original());
            }
        }
        return stem;
    }
}
