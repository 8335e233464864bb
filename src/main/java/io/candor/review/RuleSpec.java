package io.candor.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.config.ConfigException;
import io.candor.config.StrictSettings;
import io.candor.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One rule as written in {@code config/rules/<category>.yaml}: its id, which detector runs
 * it, its severity (one, or one per kind of draft), which kinds of draft it looks at, and
 * its detector's own settings, which {@link #settings} decodes strictly into the detector's
 * record. The examples must and must not trigger it.
 */
public record RuleSpec(String id, Category category, String detector, Map<DraftKind, Severity> severities,
                       boolean enabled, Set<DraftKind> appliesTo, List<String> yieldsTo, boolean fallback,
                       Set<Situation> answersWhen, ObjectNode settings, List<Example> triggers, List<Example> passes,
                       String file) {
    public RuleSpec {
        severities = Map.copyOf(severities);
        answersWhen = Set.copyOf(answersWhen);
        appliesTo = Set.copyOf(appliesTo);
        yieldsTo = List.copyOf(yieldsTo);
        triggers = List.copyOf(triggers);
        passes = List.copyOf(passes);
    }

    /** An example draft from a rule file: text, and optionally platforms, the message it answers and its kind. */
    public record Example(String text, List<String> platforms, String replyTo, String kind, int markStart, int markEnd) {
        static final String OPEN = "<marker>";
        static final String CLOSE = "</marker>";

        public Example {
            platforms = platforms == null ? List.of() : List.copyOf(platforms);
            if (text == null) {
                throw new IllegalArgumentException("an example needs a text");
            }
        }

        /**
         * An example as written in a rule file: a trigger example marks the words its finding
         * quotes with {@code <marker>…</marker>}, as LanguageTool's rules do; the marker is not
         * part of the text reviewed. A finding that quotes no words has nothing to mark.
         */
        public static Example written(String written, List<String> platforms, String replyTo, String kind) {
            int open = written.indexOf(OPEN);
            if (open < 0) {
                return new Example(written, platforms, replyTo, kind, -1, -1);
            }
            int close = written.indexOf(CLOSE, open);
            if (close < 0 || written.indexOf(OPEN, open + 1) >= 0 || written.indexOf(CLOSE, close + 1) >= 0) {
                throw new IllegalArgumentException("an example marks one span, <marker>like this</marker>: " + written);
            }
            String text = written.substring(0, open) + written.substring(open + OPEN.length(), close)
                    + written.substring(close + CLOSE.length());
            return new Example(text, platforms, replyTo, kind, open, close - OPEN.length());
        }

        /** True when the example says which words its finding quotes. */
        public boolean marked() {
            return markStart >= 0;
        }

        /** The words the example marks: what its finding must quote. Null when it marks none. */
        public String mark() {
            return marked() ? text.substring(markStart, markEnd) : null;
        }
    }

    /**
     * A spec that only compiles the patterns of a data file that is not a rule (strengths,
     * conversation), so their errors name the file and key like a rule's do.
     */
    static RuleSpec forFile(String name, String where) {
        return new RuleSpec(name, Category.CONTEXT, name, Map.of(), true, Set.of(), List.of(), false, Set.of(),
                io.candor.config.CandorConfig.YAML.createObjectNode(), List.of(), List.of(), where);
    }

    public Severity severity(DraftKind kind) {
        return severities.get(kind);
    }

    /** The most severe this rule can be, for listings. */
    public Severity severity() {
        return severities.values().stream().max(Enum::compareTo).orElse(Severity.WARNING);
    }

    /** What error messages about this rule start with. */
    public String where() {
        return file + ": rule " + id;
    }

    /** The detector's settings, decoded into its record; a typo is an error naming file, rule and key. */
    public <S> S settings(Class<S> type) {
        return StrictSettings.decode(settings, type, where());
    }

    /** Words or phrases from a list, folded the same way drafts are. */
    public static List<String> folded(List<String> words) {
        return words.stream().map(TextNormalizer::fold).filter(s -> !s.isBlank()).toList();
    }

    /**
     * Phrases (matched as whole words) and patterns (regular expressions over folded text that
     * never start or end mid-word), for fast matching over a draft. Null when both are empty.
     */
    public PhraseSet phrases(String key, List<String> phrases, List<String> patterns) {
        if (phrases.isEmpty() && patterns.isEmpty()) {
            return null;
        }
        try {
            return SHARED.computeIfAbsent(List.of(folded(phrases), List.copyOf(patterns)),
                    k -> new PhraseSet(k.get(0), k.get(1)));
        } catch (PatternSyntaxException e) {
            patterns.forEach(p -> compile(key, p)); // only on this error path: names the pattern as written
            throw new ConfigException(where() + ": key '" + key + "': bad pattern: " + e.getDescription());
        }
    }

    /** One compiled set per distinct list, so the rules and the learned model's cues share their matches on a draft. */
    private static final java.util.Map<List<List<String>>, PhraseSet> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    public PhraseSet phrases(String key, List<String> patterns) {
        return phrases(key, List.of(), patterns);
    }

    /** One pattern matching any of {@code patterns} over folded text, never starting or ending mid-word; null when empty. */
    public Pattern pattern(String key, List<String> patterns) {
        if (patterns.isEmpty()) {
            return null;
        }
        List<String> alts = new ArrayList<>();
        for (String r : patterns) {
            alts.add(Phrases.NOT_MID_WORD + "(?:" + r + ")" + Phrases.NOT_MID_WORD);
        }
        try {
            return Pattern.compile(String.join("|", alts), Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            patterns.forEach(p -> compile(key, p));
            throw new ConfigException(where() + ": key '" + key + "': bad pattern: " + e.getDescription());
        }
    }

    /** One pattern matching any of {@code patterns} anywhere, with no word guards: for links and hosts. Null when empty. */
    public Pattern rawPattern(String key, List<String> patterns) {
        if (patterns.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()),
                    Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            patterns.forEach(p -> compile(key, p));
            throw new ConfigException(where() + ": key '" + key + "': bad pattern: " + e.getDescription());
        }
    }

    private void compile(String key, String r) {
        try {
            Pattern.compile(r);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(where() + ": key '" + key + "': bad pattern '" + r + "': " + e.getDescription());
        }
    }
}
