package io.candor.review;

import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.config.StrictSettings;
import io.candor.text.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which language a draft is written in, told by its most common short words (and by its
 * script when that is not Latin): enough to say honestly "this was not read" instead of
 * giving a draft Candor cannot understand a clean bill. Word lists in languages.yaml.
 */
public final class LanguageGuess {
    static final String FILE = "languages.yaml";
    /** A draft mostly in another script (Cyrillic, Arabic, Chinese…). */
    public static final String OTHER_SCRIPT = "another script";

    record Settings(String understood, Integer minWords, Double minShare, LinkedHashMap<String, List<String>> languages,
                    Map<String, List<String>> examples) {
        Settings {
            minWords = minWords == null ? 5 : minWords;
            minShare = minShare == null ? 0.2 : minShare;
            languages = languages == null ? new LinkedHashMap<>() : languages;
            examples = examples == null ? Map.of() : examples;
        }
    }

    private final String understood;
    private final int minWords;
    private final double minShare;
    private final Map<String, Set<String>> words = new LinkedHashMap<>();
    private final Map<String, List<String>> examples;

    LanguageGuess(DataFiles files) {
        String where = files.describe(FILE);
        Settings s = StrictSettings.decode(files.mapping(FILE,
                files.read(FILE).orElseThrow(() -> new ConfigException("no " + FILE + " among the rules"))), Settings.class, where);
        if (s.understood() == null || !s.languages().containsKey(s.understood())) {
            throw new ConfigException(where + ": key 'understood' must name one of the languages listed");
        }
        this.understood = s.understood();
        this.minWords = s.minWords();
        this.minShare = s.minShare();
        s.languages().forEach((name, list) -> words.put(name, new HashSet<>(RuleSpec.folded(list))));
        this.examples = Map.copyOf(s.examples());
    }

    /** The language a draft seems to be in, when it is not the one Candor understands. */
    public Optional<String> foreign(AnalyzedDraft d) {
        if (mostlyOtherScript(d.original())) {
            return Optional.of(OTHER_SCRIPT);
        }
        List<Token> ws = d.of(Token.Kind.WORD);
        if (ws.size() < minWords) {
            return Optional.empty();
        }
        Map<String, Integer> hits = new HashMap<>();
        for (Token t : ws) {
            for (Map.Entry<String, Set<String>> e : words.entrySet()) {
                if (e.getValue().contains(t.text())) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        int ours = hits.getOrDefault(understood, 0);
        if (best == null || best.equals(understood) || bestHits < minShare * ws.size() || bestHits < 2 * ours + 2) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Example drafts per language, for the test that runs them. */
    public Map<String, List<String>> examples() {
        return examples;
    }

    public String understood() {
        return understood;
    }

    private static boolean mostlyOtherScript(String s) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    other++;
                }
            }
        }
        return other >= 8 && other > 2 * latin;
    }
}
