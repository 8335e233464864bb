package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * They asked a question whose answer has a shape (when → a time or a day, how much → a
 * price or a number, where → a place or a link), and the reply has nothing of that shape:
 * "When does the store open?" answered with a promo code. Only the message's last question
 * counts, and only a reply long enough to have answered it.
 */
final class AnswerShapeDetector implements Detector {
    /** One kind of question: how to recognise it and what an answer to it contains. */
    record Shape(String name, List<String> asks, List<String> answers, String needs) {
        Shape {
            asks = asks == null ? List.of() : asks;
            answers = answers == null ? List.of() : answers;
        }
    }

    record Settings(List<Shape> shapes, Integer minReplyWords, Integer maxMessageWords, List<String> reactionPatterns) {
        Settings {
            maxMessageWords = maxMessageWords == null ? 40 : maxMessageWords;
            shapes = shapes == null ? List.of() : shapes;
            minReplyWords = minReplyWords == null ? 4 : minReplyWords;
            reactionPatterns = reactionPatterns == null ? List.of() : reactionPatterns;
        }
    }

    private record Compiled(String name, Pattern asks, PhraseSet answers, boolean linkAnswers, String needs) {
    }

    private static final Pattern QUESTION = Pattern.compile("[^.!?\\n]*\\?");
    private final Rule rule;
    private final List<Compiled> shapes = new ArrayList<>();
    private final int minReplyWords;
    private final int maxMessageWords;
    private final Pattern reaction;

    AnswerShapeDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        this.minReplyWords = s.minReplyWords();
        this.maxMessageWords = s.maxMessageWords();
        this.reaction = spec.pattern("reaction_patterns", s.reactionPatterns());
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Shape sh : s.shapes()) {
            if (sh.name() == null || sh.asks().isEmpty() || sh.answers().isEmpty() || sh.needs() == null) {
                throw new ConfigException(spec.where() + ": key 'shapes': each shape needs a name, asks, answers and needs");
            }
            if (seen.put(sh.name(), true) != null) {
                throw new ConfigException(spec.where() + ": key 'shapes': '" + sh.name() + "' is listed twice");
            }
            boolean link = sh.answers().contains("<link>");
            List<String> text = sh.answers().stream().filter(a -> !a.equals("<link>")).toList();
            shapes.add(new Compiled(sh.name(), spec.pattern("shapes." + sh.name() + ".asks", sh.asks()),
                    spec.phrases("shapes." + sh.name() + ".answers", text), link, sh.needs()));
        }
    }

    private static final Pattern WORD = Pattern.compile("(?<![@#\\p{L}\\p{N}'])[\\p{L}\\p{N}']+");
    /** "So when…", "Hi, when…", "Ok but how much…": a few words may come before the question word. */
    private static final int LEAD_WORDS = 2;

    /**
     * The question is of this shape when it opens with the shape's words ("when does…", "so how
     * much…"): "when" further on is a clause ("it crashes when I open it, any help?"), not the ask.
     */
    private static boolean opensWith(Pattern asks, String question) {
        Matcher m = asks.matcher(question);
        if (!m.find()) {
            return false;
        }
        Matcher w = WORD.matcher(question.substring(0, m.start()));
        int before = 0;
        while (w.find()) {
            before++;
        }
        return before <= LEAD_WORDS;
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isEmpty() || d.words().size() < minReplyWords
                || reaction != null && reaction.matcher(d.folded()).lookingAt()) {
            return List.of();
        }
        AnalyzedDraft original = d.replyTo().get();
        if (original.words().size() > maxMessageWords) {
            return List.of();
        }
        String folded = original.folded();
        Matcher q = QUESTION.matcher(folded);
        int qs = -1;
        int qe = -1;
        while (q.find()) {
            qs = q.start();
            qe = q.end();
        }
        if (qs < 0) {
            return List.of();
        }
        String question = folded.substring(qs, qe);
        for (Compiled shape : shapes) {
            if (!opensWith(shape.asks(), question.strip())) {
                continue;
            }
            boolean answered = shape.answers() != null && shape.answers().foundIn(d)
                    || shape.linkAnswers() && !d.of(Token.Kind.LINK).isEmpty();
            if (answered) {
                return List.of();
            }
            String asked = original.span(qs, qe).of(original.original()).strip();
            return List.of(rule.at(d, Spans.opening(d), Map.of("question", Rule.quote(asked), "needs", shape.needs())));
        }
        return List.of();
    }
}
