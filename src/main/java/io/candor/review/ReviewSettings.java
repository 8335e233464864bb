package io.candor.review;

import java.util.List;
import java.util.Map;

/**
 * The {@code review:} section of candor.yaml: a team's switches over the shipped rules.
 * {@code acceptedWords} are brand names and product terms that no word rule should flag.
 */
public record ReviewSettings(Integer maxChars, List<String> acceptedWords, Map<String, RuleOverride> rules) {
    public record RuleOverride(Boolean enabled, String severity) {
    }

    public ReviewSettings {
        maxChars = maxChars == null ? 40_000 : maxChars;
        acceptedWords = acceptedWords == null ? List.of() : List.copyOf(acceptedWords);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }
}
