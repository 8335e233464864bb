package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.review.Words;
import io.candor.text.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The writer's own offer or call to action in a reply to someone who never asked for a
 * recommendation, a link or a price. When the reply shares just one word with what they
 * said, it says so: that is a reply aimed at a keyword, not at the person.
 */
final class UnaskedOfferDetector implements Detector {
    record Settings(List<String> offerPatterns, List<String> askedPatterns, List<String> stopwords) {
        Settings {
            offerPatterns = offerPatterns == null ? List.of() : offerPatterns;
            askedPatterns = askedPatterns == null ? List.of() : askedPatterns;
            stopwords = stopwords == null ? List.of() : stopwords;
        }
    }

    private final Rule rule;
    private final PhraseSet offer;
    private final Pattern asked;
    private final Set<String> stopwords;

    UnaskedOfferDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        this.offer = spec.phrases("offer_patterns", s.offerPatterns());
        this.asked = spec.pattern("asked_patterns", s.askedPatterns());
        this.stopwords = new HashSet<>(RuleSpec.folded(s.stopwords()));
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isEmpty() || offer == null) {
            return List.of();
        }
        AnalyzedDraft original = d.replyTo().get();
        if (asked != null && asked.matcher(original.folded()).find()) {
            return List.of();
        }
        List<int[]> m = offer.findAll(d, 1);
        if (m.isEmpty()) {
            return List.of();
        }
        Set<String> shared = Words.shared(Words.content(d, stopwords), Words.content(original, stopwords));
        Map<String, Object> vars = new HashMap<>();
        vars.put("original", Rule.quote(original.original()));
        if (shared.size() == 1) {
            vars.put("keyword", asWritten(d, shared.iterator().next()));
        }
        return List.of(rule.at(d, d.span(m.get(0)[0], m.get(0)[1]), vars));
    }

    /** The shared word as the writer typed it ("coffee"), not its stem ("coffe"). */
    private static String asWritten(AnalyzedDraft d, String stem) {
        for (Token t : d.tokens()) {
            if (Words.stem(t.text()).equals(stem) || t.text().equals(stem)) {
                return d.span(t).of(d.original());
            }
        }
        return stem;
    }
}
