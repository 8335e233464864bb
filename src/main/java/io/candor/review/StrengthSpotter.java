package io.candor.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.text.Token;
import java.io.IOException;
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

    StrengthSpotter(DataFiles files, Prompts prompts) {
        this.prompts = prompts;
        JsonNode root;
        try {
            root = CandorConfig.YAML.readTree(files.read("strengths.yaml")
                    .orElseThrow(() -> new ConfigException("no strengths.yaml among the rules")));
        } catch (IOException e) {
            throw new ConfigException("cannot read strengths.yaml: " + e.getMessage(), e);
        }
        RuleCatalog.resolveLists(root, files.read(RuleCatalog.LISTS).map(t -> RuleCatalog.readYaml(files, RuleCatalog.LISTS, t)).orElse(null),
                files.describe("strengths.yaml"));
        RuleSpec s = new RuleSpec("strengths", Category.CONTEXT, "strengths", Severity.HINT, true, root,
                List.of(), List.of(), files.describe("strengths.yaml"));
        this.stopwords = new HashSet<>(s.folded("stopwords"));
        this.linkWhy = s.matcher("link_reasons", "link_reason_patterns");
        this.thanks = s.phrases("thanks", "thanks_patterns");
        this.greeting = s.matcher("greetings", "greeting_patterns");
        this.minShared = s.integer("answers_min_shared_words", 2);
        this.minThanksWords = s.integer("specific_thanks_min_words", 3);
        this.minQuestionWords = s.integer("question_min_words", 3);
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
        return out;
    }

    private Strength say(String id, Map<String, ?> vars) {
        return new Strength(id, prompts.render("review:strength." + id, vars));
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

    /** A name or @handle of the person being answered, used in the reply. */
    private String namesPerson(AnalyzedDraft d, AnalyzedDraft r) {
        Set<String> handles = new HashSet<>();
        r.of(Token.Kind.HANDLE).forEach(t -> handles.add(t.text()));
        for (Token t : d.of(Token.Kind.HANDLE)) {
            if (handles.contains(t.text()) || handles.isEmpty()) {
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
