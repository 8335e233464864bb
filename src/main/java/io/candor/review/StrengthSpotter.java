package io.candor.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.config.StrictSettings;
import io.candor.prompts.Prompts;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Notices what a draft already does well, so a review is not only a list of faults:
 * it asks a question, names the person, answers what they said, explains why a link
 * matters, thanks someone for something specific. Word lists in
 * {@code config/rules/strengths.yaml}; the sentences in {@code prompts/review.yaml}.
 */
public final class StrengthSpotter {
    private final Prompts prompts;
    private final Set<String> stopwords;
    private final Pattern linkWhy;
    private final PhraseSet thanks;
    private final Pattern greeting;
    private final int minShared;
    private final int minThanksWords;
    private final int minQuestionWords;

    /** strengths.yaml: the word lists and thresholds of each strength, and examples that have and lack them. */
    record Settings(Integer questionMinWords, Integer answersMinSharedWords, Integer specificThanksMinWords,
                    List<String> thanksPatterns, List<String> linkReasonPatterns, List<String> greetingPatterns,
                    List<String> stopwords, Map<String, List<Category>> praises, Map<String, StrengthExamples> examples) {
        Settings {
            questionMinWords = questionMinWords == null ? 3 : questionMinWords;
            answersMinSharedWords = answersMinSharedWords == null ? 2 : answersMinSharedWords;
            specificThanksMinWords = specificThanksMinWords == null ? 3 : specificThanksMinWords;
            thanksPatterns = thanksPatterns == null ? List.of() : thanksPatterns;
            linkReasonPatterns = linkReasonPatterns == null ? List.of() : linkReasonPatterns;
            greetingPatterns = greetingPatterns == null ? List.of() : greetingPatterns;
            stopwords = stopwords == null ? List.of() : stopwords;
            examples = examples == null ? Map.of() : examples;
            praises = praises == null ? Map.of() : praises;
        }
    }

    /** Drafts that must show a strength, and drafts that must not. */
    public record StrengthExamples(List<String> has, List<String> lacks) {
        public StrengthExamples {
            has = has == null ? List.of() : has;
            lacks = lacks == null ? List.of() : lacks;
        }
    }

    static final String FILE = "strengths.yaml";
    private final Map<String, StrengthExamples> examples;

    StrengthSpotter(DataFiles files, Prompts prompts) {
        this.prompts = prompts;
        String text = files.read(FILE).orElseThrow(() -> new ConfigException("no " + FILE + " among the rules"));
        JsonNode root = files.mapping(FILE, text);
        RuleCatalog.resolveLists((com.fasterxml.jackson.databind.node.ObjectNode) root,
                files.read(RuleCatalog.LISTS).map(t -> files.mapping(RuleCatalog.LISTS, t)).orElse(null),
                files.describe(FILE));
        String where = files.describe(FILE);
        Settings s = StrictSettings.decode(root, Settings.class, where);
        RuleSpec spec = RuleSpec.forFile("strengths", where);
        this.stopwords = new HashSet<>(RuleSpec.folded(s.stopwords()));
        this.linkWhy = spec.pattern("link_reason_patterns", s.linkReasonPatterns());
        this.thanks = spec.phrases("thanks_patterns", s.thanksPatterns());
        this.greeting = s.greetingPatterns().isEmpty() ? null : Pattern.compile(String.join("|", s.greetingPatterns()),
                Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        this.minShared = s.answersMinSharedWords();
        this.minThanksWords = s.specificThanksMinWords();
        this.minQuestionWords = s.questionMinWords();
        this.examples = Map.copyOf(s.examples());
        for (String id : STRENGTHS) {
            if (!s.praises().containsKey(id)) {
                throw new ConfigException(where + ": key 'praises' names no categories for " + id);
            }
        }
        for (String id : s.praises().keySet()) {
            if (!STRENGTHS.contains(id)) {
                throw new ConfigException(where + ": key 'praises': unknown strength '" + id + "' (known: "
                        + String.join(", ", STRENGTHS) + ")");
            }
        }
        this.praises = Map.copyOf(s.praises());
    }

    /** Every strength Candor can notice, as named in strengths.yaml and prompts/review.yaml. */
    static final List<String> STRENGTHS = List.of("asks-question", "names-person", "answers-them", "explains-link",
            "specific-thanks");
    private final Map<String, List<Category>> praises;

    /** Each strength's examples from strengths.yaml, for the test that runs them. */
    public Map<String, StrengthExamples> examples() {
        return examples;
    }

    public List<Strength> spot(AnalyzedDraft d, List<Finding> findings) {
        List<Strength> out = new ArrayList<>();
        boolean pitching = findings.stream().anyMatch(f -> f.category() == Category.PITCH);
        if (!pitching && asksQuestion(d)) {
            out.add(say("asks-question", Map.of()));
        }
        d.replyTo().ifPresent(r -> {
            String name = namesPerson(d, r);
            if (name != null) {
                out.add(say("names-person", Map.of("name", name)));
            }
            if (!pitching && Words.shared(Words.content(d, stopwords), Words.content(r, stopwords)).size() >= minShared) {
                out.add(say("answers-them", Map.of()));
            }
        });
        if (!pitching && explainsLink(d)) {
            out.add(say("explains-link", Map.of()));
        }
        if (specificThanks(d)) {
            out.add(say("specific-thanks", Map.of()));
        }
        out.removeIf(s -> !s.standsBeside(findings));
        return out;
    }

    private Strength say(String id, Map<String, ?> vars) {
        return new Strength(id, prompts.render("review:strength." + id, vars), Set.copyOf(praises.get(id)));
    }

    private boolean asksQuestion(AnalyzedDraft d) {
        int words = 0;
        for (Token t : d.tokens()) {
            if (t.is(Token.Kind.WORD)) {
                words++;
            } else if (t.is(Token.Kind.PUNCT) && t.text().equals("?")) {
                if (words >= minQuestionWords) {
                    return true;
                }
                words = 0;
            } else if (t.is(Token.Kind.PUNCT) && (t.text().equals(".") || t.text().equals("!"))) {
                words = 0;
            }
        }
        return false;
    }

    /**
     * A name or @handle of the person being answered, used in the reply: a handle of their
     * message, or one the reply opens with. A handle further on ("follow us at @acme") is a
     * place to go, often the writer's own, not the person spoken to.
     */
    private String namesPerson(AnalyzedDraft d, AnalyzedDraft r) {
        Set<String> handles = new HashSet<>();
        r.of(Token.Kind.HANDLE).forEach(t -> handles.add(t.text()));
        Set<String> theyAddressed = new HashSet<>();
        r.addressees().forEach(t -> theyAddressed.add(t.text()));
        for (Token t : d.of(Token.Kind.HANDLE)) {
            if (handles.contains(t.text()) && !theyAddressed.contains(t.text())) {
                return d.span(t).of(d.original());
            }
        }
        // the reply opens by addressing someone their message did not (the message addressed you)
        for (Token t : d.addressees()) {
            if (!theyAddressed.contains(t.text())) {
                return d.span(t).of(d.original());
            }
        }
        if (greeting != null) {
            var m = greeting.matcher(d.folded());
            if (m.lookingAt() && m.groupCount() >= 1 && m.group(1) != null) {
                String name = d.span(m.start(1), m.end(1)).of(d.original());
                // a name is written with a capital and is not an everyday word ("Thanks again!")
                if (Character.isUpperCase(name.codePointAt(0)) && !stopwords.contains(m.group(1))) {
                    return name;
                }
            }
        }
        return null;
    }

    private boolean explainsLink(AnalyzedDraft d) {
        return linkWhy != null && !d.of(Token.Kind.LINK).isEmpty() && linkWhy.matcher(d.folded()).find();
    }

    private boolean specificThanks(AnalyzedDraft d) {
        if (thanks == null) {
            return false;
        }
        List<int[]> found = thanks.findAll(d, 1);
        if (found.isEmpty()) {
            return false;
        }
        int thanksEnd = found.get(0)[1];
        int content = 0;
        for (Token t : d.tokens()) {
            if (t.start() >= thanksEnd && t.is(Token.Kind.WORD) && !stopwords.contains(t.text())) {
                content++;
            }
            if (t.start() >= thanksEnd && t.is(Token.Kind.PUNCT) && ".!?".contains(t.text())) {
                break;
            }
        }
        return content >= minThanksWords;
    }
}
