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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A concept that no single phrase shows, recognised by its parts together: a fake testimonial
 * is a success story <em>and</em> money <em>and</em> someone to contact; an ad is an offer
 * <em>and</em> a call to action. Each named signal is a list of patterns; {@code when} lists
 * the combinations that are enough ("[story, money, contact]"); the finding quotes the first
 * signal of {@code quote} that was found. Templates get each found signal's words by name
 * ({{contact}}), so a message can say what it saw. A pattern written "<link>", "<handle>" or "<hashtag>"
 * stands for any token of that kind (a link is not searched as text); "<later-handle>" for a
 * handle after the words begin (the ones before them address people, they credit nobody); "<site-link>" for a
 * link to a site's front page (a plug for a business, not a page about something); "<keyword-reply>" for a word in
 * capitals to text back ("reply WIN", "txt HORO"), how marketing texts are answered. Signals listed in
 * {@code conversation_only} count only in a reply or a comment ("link in my bio" is normal on one's own Instagram post).
 */
final class SignalsDetector implements Detector {
    record Settings(LinkedHashMap<String, List<String>> signals, List<List<String>> when, List<String> quote,
                    List<String> conversationOnly, List<String> unlessPatterns, List<String> unlessAskedPatterns,
                    Boolean skipQuestions) {
        Settings {
            conversationOnly = conversationOnly == null ? List.of() : conversationOnly;
            signals = signals == null ? new LinkedHashMap<>() : signals;
            when = when == null ? List.of() : when;
            quote = quote == null ? List.of() : quote;
            unlessPatterns = unlessPatterns == null ? List.of() : unlessPatterns;
            unlessAskedPatterns = unlessAskedPatterns == null ? List.of() : unlessAskedPatterns;
            skipQuestions = skipQuestions != null && skipQuestions;
        }
    }

    private final Rule rule;
    private final Map<String, PhraseSet> signals = new LinkedHashMap<>();
    /** Signals that are (also) a kind of token: "<link>", "<handle>", "<hashtag>", "<later-handle>". */
    private final Map<String, java.util.Set<Token.Kind>> tokenSignals = new HashMap<>();
    /** Signals that include "<later-handle>": a handle after the opening run of handles that address people. */
    private final java.util.Set<String> laterHandles = new java.util.HashSet<>();
    /** Signals that include "<site-link>": a link to a site's front page. */
    private final java.util.Set<String> siteLinks = new java.util.HashSet<>();
    /** Signals that include "<keyword-reply>": a keyword in capitals to text back. */
    private final java.util.Set<String> keywordReplies = new java.util.HashSet<>();
    private final List<List<String>> when;
    private final List<String> quote;
    private final java.util.Set<String> conversationOnly;
    private final Pattern unless;
    private final Pattern unlessAsked;
    private final boolean skipQuestions;

    SignalsDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        s.signals().forEach((name, patterns) -> {
            List<String> regexes = new ArrayList<>();
            for (String p : patterns) {
                if (p.equals("<later-handle>")) {
                    laterHandles.add(name);
                    continue;
                }
                if (p.equals("<site-link>")) {
                    siteLinks.add(name);
                    continue;
                }
                if (p.equals("<keyword-reply>")) {
                    keywordReplies.add(name);
                    continue;
                }
                Token.Kind kind = switch (p) {
                    case "<link>" -> Token.Kind.LINK;
                    case "<handle>" -> Token.Kind.HANDLE;
                    case "<hashtag>" -> Token.Kind.HASHTAG;
                    default -> null;
                };
                if (kind != null) {
                    tokenSignals.computeIfAbsent(name, k -> java.util.EnumSet.noneOf(Token.Kind.class)).add(kind);
                } else {
                    regexes.add(p);
                }
            }
            signals.put(name, spec.phrases("signals." + name, regexes));
        });
        if (s.when().isEmpty()) {
            throw new ConfigException(spec.where() + ": key 'when' must list at least one combination of signals");
        }
        for (List<String> combo : s.when()) {
            known(spec, "when", combo);
        }
        known(spec, "quote", s.quote());
        known(spec, "conversation_only", s.conversationOnly());
        this.conversationOnly = java.util.Set.copyOf(s.conversationOnly());
        this.when = s.when();
        this.quote = s.quote().isEmpty() ? List.copyOf(signals.keySet()) : s.quote();
        this.unless = spec.pattern("unless_patterns", s.unlessPatterns());
        this.unlessAsked = spec.pattern("unless_asked_patterns", s.unlessAskedPatterns());
        this.skipQuestions = s.skipQuestions();
    }

    private void known(RuleSpec spec, String key, List<String> names) {
        for (String n : names) {
            if (!signals.containsKey(n)) {
                throw new ConfigException(spec.where() + ": key '" + key + "' names an unknown signal '" + n
                        + "' (signals: " + String.join(", ", signals.keySet()) + ")");
            }
        }
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        Map<String, int[]> found = new HashMap<>();
        boolean fires = false;
        for (List<String> combo : when) {
            boolean all = true;
            for (String name : combo) {
                if (!found.containsKey(name)) {
                    int[] m = first(d, name);
                    if (m == null) {
                        all = false;
                        break;
                    }
                    found.put(name, m);
                }
            }
            if (all) {
                fires = true;
                break;
            }
        }
        if (!fires) {
            return List.of();
        }
        if (unless != null && unless.matcher(d.folded()).find()) {
            return List.of();
        }
        if (unlessAsked != null && d.replyTo().isPresent() && unlessAsked.matcher(d.replyTo().get().folded()).find()) {
            return List.of();
        }
        // the message may name every signal present, not only those of the combination that fired
        Map<String, Object> vars = new HashMap<>();
        for (String name : signals.keySet()) {
            int[] m = found.containsKey(name) ? found.get(name) : first(d, name);
            if (m != null) {
                found.put(name, m);
                vars.put(name, Rule.quote(d.span(m[0], m[1]).of(d.original())));
            }
        }
        int[] at = null;
        for (String q : quote) {
            if (found.containsKey(q)) {
                at = found.get(q);
                break;
            }
        }
        if (at == null) {
            at = found.values().iterator().next();
        }
        return List.of(rule.at(d, d.span(at[0], at[1]), vars));
    }

    private int[] first(AnalyzedDraft d, String name) {
        if (!d.draft().kind().inConversation() && conversationOnly.contains(name)) {
            return null;
        }
        int[] m = first(d, signals.get(name));
        if (laterHandles.contains(name)) {
            int[] h = laterHandle(d);
            if (h != null && (m == null || h[0] < m[0])) {
                m = h;
            }
        }
        if (siteLinks.contains(name)) {
            for (Token t : Links.examined(d.of(Token.Kind.LINK))) {
                if (Links.frontPage(t.text()) && (m == null || t.start() < m[0])) {
                    m = new int[] {t.start(), t.end()};
                    break;
                }
            }
        }
        if (keywordReplies.contains(name)) {
            int[] k = keywordReply(d);
            if (k != null && (m == null || k[0] < m[0])) {
                m = k;
            }
        }
        java.util.Set<Token.Kind> kinds = tokenSignals.get(name);
        if (kinds != null) {
            for (Token t : d.tokens()) {
                if (kinds.contains(t.kind()) && (m == null || t.start() < m[0])) {
                    return new int[] {t.start(), t.end()};
                }
            }
        }
        return m;
    }

    /**
     * The first handle that comes after some words: "@a @b thanks" addresses a and b; "…all
     * thanks to @c" credits c. A retweet's or a quote's attribution ("RT @a:", "via @b", "cc @c")
     * names where the words came from or who should see them, not whom the writer credits.
     */
    private static int[] laterHandle(AnalyzedDraft d) {
        boolean words = false;
        String before = "";
        for (Token t : d.tokens()) {
            if (t.is(Token.Kind.HANDLE)) {
                if (words && !ATTRIBUTION.contains(before)) {
                    return new int[] {t.start(), t.end()};
                }
            } else if (t.is(Token.Kind.WORD) || t.is(Token.Kind.NUMBER)) {
                String w = t.text().toLowerCase(java.util.Locale.ROOT);
                words |= !RETWEET.contains(w);
                before = w;
                continue;
            }
            before = "";
        }
        return null;
    }

    private static final java.util.Set<String> TEXT_BACK = java.util.Set.of("reply", "replying", "rply", "txt", "text",
            "texting", "txting", "send", "sms", "msg");

    /**
     * A word in capitals right after "reply", "txt", "send" (or "reply with"): the keyword a
     * marketing text asks to be sent back ("reply WIN", "txt HORO ARIES"). A text written all in
     * capitals shouts every word, so it shows nothing there.
     */
    private static int[] keywordReply(AnalyzedDraft d) {
        String original = d.original();
        List<Token> tokens = d.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is(Token.Kind.WORD) || !TEXT_BACK.contains(tokens.get(i).text())) {
                continue;
            }
            int j = i + 1;
            if (tokens.get(j).is(Token.Kind.WORD) && tokens.get(j).text().equals("with") && j + 1 < tokens.size()) {
                j++;
            }
            Token t = tokens.get(j);
            String word = d.span(t).of(original);
            if ((t.is(Token.Kind.WORD) || t.is(Token.Kind.NUMBER)) && capitalKeyword(word)) {
                return mostlyCapitals(original) ? null : new int[] {tokens.get(i).start(), t.end()};
            }
        }
        return null;
    }

    private static boolean capitalKeyword(String w) {
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLowerCase(c) || !Character.isLetterOrDigit(c) && c != '#') {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 2 && w.length() <= 12 && !w.equals("OK") && !w.equals("ME") && !w.equals("US");
    }

    private static boolean mostlyCapitals(String s) {
        Capitals c = Capitals.of(s);
        return c.letters() == 0 || c.upper() > c.letters() * 0.4;
    }

    private static final java.util.Set<String> RETWEET = java.util.Set.of("rt", "mt");
    private static final java.util.Set<String> ATTRIBUTION = java.util.Set.of("rt", "mt", "via", "cc", "ht");

    private int[] first(AnalyzedDraft d, PhraseSet set) {
        if (set == null) {
            return null;
        }
        // in a reply, the handles it opens with are the person answered: never a credit or a plug
        int addressed = d.replyTo().isPresent() ? d.addressingEnd() : 0;
        for (int[] m : set.findAll(d, skipQuestions || addressed > 0 ? 8 : 1)) {
            if (m[0] < addressed) {
                continue;
            }
            if (!skipQuestions || !Sentences.inQuestion(d.folded(), m[1])) {
                return m;
            }
        }
        return null;
    }
}
