package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.review.Severity;
import io.candor.review.Situation;
import io.candor.review.Words;
import io.candor.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reply made of stock phrases ("we apologize for any inconvenience", "please contact
 * support", "thank you for your patience") that names nothing from the complaint or question
 * it answers: it could be sent to anyone, and the person can tell. What engages is anything of
 * theirs picked up (a shared word), a specific thing asked of them or promised ("the email on
 * your account", "we'll restore them today"), or a place that helps (a help article, the DM
 * link: that is service, and {@link io.candor.review.Conversation} reads it). A stock apology
 * to a complaint is the rule's severity; stock redirection alone only asks (a hint).
 */
final class CannedReplyDetector implements Detector {
    record Settings(List<String> stockPatterns, List<String> apologyPatterns, List<String> specificPatterns,
                    List<String> genericWords, List<String> stopwords, Integer maxOwnWords) {
        Settings {
            stockPatterns = stockPatterns == null ? List.of() : stockPatterns;
            apologyPatterns = apologyPatterns == null ? List.of() : apologyPatterns;
            specificPatterns = specificPatterns == null ? List.of() : specificPatterns;
            genericWords = genericWords == null ? List.of() : genericWords;
            stopwords = stopwords == null ? List.of() : stopwords;
            maxOwnWords = maxOwnWords == null ? 2 : maxOwnWords;
        }
    }

    private final Rule rule;
    private final PhraseSet stock;
    private final PhraseSet apology;
    private final PhraseSet specific;
    private final Set<String> generic;
    private final Set<String> stopwords;
    private final int maxOwnWords;

    CannedReplyDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        this.stock = spec.phrases("stock_patterns", s.stockPatterns());
        this.apology = spec.phrases("apology_patterns", s.apologyPatterns());
        this.specific = spec.phrases("specific_patterns", s.specificPatterns());
        this.stopwords = new HashSet<>(RuleSpec.folded(s.stopwords()));
        this.generic = new HashSet<>();
        for (String w : RuleSpec.folded(s.genericWords())) {
            generic.add(Words.stem(w));
        }
        this.maxOwnWords = s.maxOwnWords();
        if (stock == null) {
            throw new io.candor.config.ConfigException(spec.where() + ": key 'stock_patterns' must list the stock phrases");
        }
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.replyTo().isEmpty()) {
            return List.of();
        }
        var exchange = d.exchange();
        boolean complaint = exchange.is(Situation.COMPLAINT);
        if (!complaint && !exchange.is(Situation.SEEKS_HELP) || exchange.is(Situation.SERVICE)) {
            return List.of();
        }
        List<int[]> stockFound = stock.findAll(d, Integer.MAX_VALUE);
        if (stockFound.isEmpty() || specific != null && specific.foundIn(d) || pointsSomewhere(d)) {
            return List.of();
        }
        Set<String> theirs = Words.content(d.replyTo().get(), stopwords);
        int own = 0;
        int addressed = d.addressingEnd();
        for (Token t : d.tokens()) {
            if (t.start() < addressed || inside(stockFound, t)) {
                continue;
            }
            if (t.is(Token.Kind.PUNCT) && t.text().equals("?")) {
                return List.of(); // it asks them something of its own
            }
            if (!t.is(Token.Kind.WORD) && !t.is(Token.Kind.NUMBER)) {
                continue;
            }
            if (t.is(Token.Kind.NUMBER)) {
                return List.of(); // an order number, a date, a time: something specific
            }
            String w = Words.stem(t.text());
            if (t.text().length() < 3 || stopwords.contains(t.text()) || generic.contains(w)) {
                continue;
            }
            if (theirs.contains(w)) {
                return List.of(); // it picks up something they said
            }
            own++;
        }
        if (own > maxOwnWords) {
            return List.of(); // it says something of its own, if not about their words: relevance judges that
        }
        boolean apologises = apology != null && apology.foundIn(d);
        int[] first = stockFound.get(0);
        Map<String, Object> vars = Map.of("original", Rule.quote(d.replyTo().get().original()), "complaint", complaint);
        Finding f = rule.at(d, d.span(first[0], first[1]), vars);
        return List.of(complaint && apologises ? f : rule.at(d, d.span(first[0], first[1]), vars, Severity.HINT));
    }

    /** A link that is not an e-mail address: a page, an article, a form is a concrete next step. */
    private static boolean pointsSomewhere(AnalyzedDraft d) {
        for (Token l : d.of(Token.Kind.LINK)) {
            if (!l.text().contains("@") || l.text().contains("/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(List<int[]> spans, Token t) {
        for (int[] s : spans) {
            if (t.start() >= s[0] && t.end() <= s[1]) {
                return true;
            }
        }
        return false;
    }
}
