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
            spec.params().fieldNames().forEachRemaining(key -> {
                if (key.endsWith("patterns") && !key.startsWith("unless") && !key.startsWith("requires")
                        && !key.startsWith("asked") && !key.startsWith("answer") && !key.startsWith("promo_host")) {
                    for (String p : spec.strings(key)) {
                        if (!p.startsWith("^") && FirstWords.of(p) == null) {
                            slow.add(spec.id() + " " + key + ": " + p);
                        }
                    }
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
            spec.params().fieldNames().forEachRemaining(key -> {
                if (key.endsWith("patterns")) {
                    for (String p : spec.strings(key)) {
                        for (String alt : FirstWords.splitTop(p)) {
                            if (single.matcher(alt).find()) {
                                bad.add(spec.id() + " " + key + ": …" + alt.substring(Math.max(0, alt.length() - 30)));
                            }
                        }
                    }
                }
            });
        }
        assertThat(bad).isEmpty();
    }
}
