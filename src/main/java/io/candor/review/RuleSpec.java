package io.candor.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.ConfigException;
import io.candor.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One rule as written in {@code config/rules/<category>.yaml}: its id, which detector runs
 * it, its severity, its settings (word lists, patterns, thresholds) and the examples that
 * must and must not trigger it.
 */
public record RuleSpec(String id, Category category, String detector, Severity severity, boolean enabled,
                       JsonNode params, List<Example> triggers, List<Example> passes, String file) {

    /** An example draft from a rule file: text, optionally platforms and the message it answers. */
    public record Example(String text, List<String> platforms, String replyTo) {
    }

    public List<String> strings(String key) {
        JsonNode n = params.path(key);
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    /** A word or phrase list, folded the same way drafts are. */
    public List<String> folded(String key) {
        return strings(key).stream().map(TextNormalizer::fold).filter(s -> !s.isBlank()).toList();
    }

    public int integer(String key, int def) {
        JsonNode n = params.path(key);
        return n.isNumber() ? n.asInt() : def;
    }

    public double decimal(String key, double def) {
        JsonNode n = params.path(key);
        return n.isNumber() ? n.asDouble() : def;
    }

    public boolean flag(String key, boolean def) {
        JsonNode n = params.path(key);
        return n.isBoolean() ? n.asBoolean() : def;
    }

    public String text(String key, String def) {
        JsonNode n = params.path(key);
        return n.isTextual() ? n.asText() : def;
    }

    public JsonNode node(String key) {
        return params.path(key);
    }

    /**
     * The phrases in {@code phrasesKey} and patterns in {@code patternsKey}, for fast
     * matching over a draft's folded text (see {@link PhraseSet}). Null when the rule lists neither.
     */
    public PhraseSet phrases(String phrasesKey, String patternsKey) {
        List<String> phrases = folded(phrasesKey);
        List<String> patterns = strings(patternsKey);
        if (phrases.isEmpty() && patterns.isEmpty()) {
            return null;
        }
        try {
            return new PhraseSet(phrases, patterns);
        } catch (PatternSyntaxException e) {
            matcher(phrasesKey, patternsKey); // only on this error path: names the pattern as written
            throw new ConfigException(file + ": rule " + id + ": bad pattern: " + e.getDescription());
        }
    }

    /**
     * One pattern matching any of the phrases in {@code phrasesKey} (as whole words, any
     * white space between them) or any regular expression in {@code patternsKey}, over
     * folded text. Null when the rule lists neither.
     */
    public Pattern matcher(String phrasesKey, String patternsKey) {
        List<String> alts = new ArrayList<>();
        for (String p : folded(phrasesKey)) {
            alts.add(Phrases.toRegex(p));
        }
        for (String r : strings(patternsKey)) {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(file + ": rule " + id + ": bad pattern '" + r + "': " + e.getDescription());
            }
            // never start or end a match in the middle of a word ("act now" is not in "react now")
            alts.add(Phrases.NOT_MID_WORD + "(?:" + r + ")" + Phrases.NOT_MID_WORD);
        }
        if (alts.isEmpty()) {
            return null;
        }
        return Pattern.compile(String.join("|", alts), Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    }
}
