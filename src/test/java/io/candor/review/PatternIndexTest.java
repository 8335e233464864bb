package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.config.CandorConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shipped pattern starts with words or symbols the fast matcher can index, or is
 * anchored: a pattern that must be tried at every position of every draft is a speed
 * regression the benchmark would only catch later. Reword it ("(up to\\s+)?\\d" as
 * "(up to\\s+\\d|\\d)") rather than remove this test.
 */
class PatternIndexTest {
    @Test
    void everyShippedPatternIsIndexedOrAnchored() {
        List<String> slow = new ArrayList<>();
        for (RuleSpec spec : RuleCatalog.load(CandorConfig.defaults().rules(), Reviewer.withDefaults().settings())) {
            patterns(spec).accept((key, p) -> {
                // these are matched once against a draft, a link or a message, not searched at every word
                boolean once = key.startsWith("unless") || key.startsWith("requires") || key.startsWith("asked")
                        || key.startsWith("answer") || key.startsWith("promo_host") || key.startsWith("media")
                        || key.startsWith("opener") || key.startsWith("habits");
                if (!once && !p.startsWith("^") && FirstWords.of(p) == null) {
                    slow.add(spec.id() + " " + key + ": " + p);
                }
            });
        }
        assertThat(slow).isEmpty();
    }

    /**
     * Patterns never end in the middle of a word (the engine adds that guard), so one that
     * ends in a single digit or letter class ("[$£€]\\s?\\d") can never match "$300":
     * such an ending must say "\\d+". This caught three silent misses.
     */
    @Test
    void noPatternEndsInASingleDigitOrLetter() {
        List<String> bad = new ArrayList<>();
        java.util.regex.Pattern single = java.util.regex.Pattern.compile("\\\\[dw]$|\\[[^\\]]*(a-z|0-9|\\\\[dwp])[^\\]]*\\]$");
        for (RuleSpec spec : RuleCatalog.load(CandorConfig.defaults().rules(), Reviewer.withDefaults().settings())) {
            patterns(spec).accept((key, p) -> {
                for (String alt : FirstWords.splitTop(p)) {
                    if (single.matcher(alt).find()) {
                        bad.add(spec.id() + " " + key + ": …" + alt.substring(Math.max(0, alt.length() - 30)));
                    }
                }
            });
        }
        assertThat(bad).isEmpty();
    }

    /** Every pattern a rule lists ("…_patterns" keys and the signals of a signals rule), by key, one entry per pattern. */
    static List<java.util.Map.Entry<String, String>> patternList(RuleSpec spec) {
        List<java.util.Map.Entry<String, String>> out = new ArrayList<>();
        spec.settings().properties().forEach(e -> {
            if (e.getKey().endsWith("patterns")) {
                e.getValue().forEach(p -> out.add(java.util.Map.entry(e.getKey(), p.asText())));
            } else if (e.getKey().equals("signals")) {
                e.getValue().properties().forEach(sig -> sig.getValue()
                        .forEach(p -> out.add(java.util.Map.entry("signals." + sig.getKey(), p.asText()))));
            } else if (e.getKey().equals("habits")) {
                e.getValue().forEach(h -> out.add(java.util.Map.entry("habits", h.path("pattern").asText())));
            }
        });
        return out;
    }

    private static java.util.function.Consumer<java.util.function.BiConsumer<String, String>> patterns(RuleSpec spec) {
        return each -> patternList(spec).forEach(e -> each.accept(e.getKey(), e.getValue()));
    }
}
