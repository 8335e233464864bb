package io.candor.review;

import io.candor.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's phrases and patterns, matched fast. Every pattern starts at a word boundary, so
 * most can only start at a word whose first letters the pattern names ("(check|visit)…"
 * can only start at a word beginning with "check" or "visit"). Those are tried only there;
 * so are patterns that start with a symbol ("\\$", "#", "[$£€]") at that symbol; anchored
 * ones ("^…") are tried once; the rest run over the whole text as usual. This
 * keeps a review at tens of microseconds with hundreds of patterns.
 */
public final class PhraseSet {
    private record Branch(Pattern pattern) {
    }

    private static final int LONGEST_WORD = 64;
    private final List<Branch> anywhere = new ArrayList<>();
    private final List<Branch> atStart = new ArrayList<>();
    private final Map<Character, List<Object[]>> byFirstChar = new HashMap<>();
    /** The first characters of byFirstChar below 128, as a table: most positions of a draft start none of them. */
    private final boolean[] asciiFirst = new boolean[128];

    /**
     * @param phrases folded word-list phrases, matched as whole words
     * @param patterns regular expressions over folded text, never starting or ending mid-word
     */
    PhraseSet(List<String> phrases, List<String> patterns) {
        for (String phrase : phrases) {
            String first = phrase.split(" ")[0];
            first = first.endsWith("*") ? first.substring(0, first.length() - 1) : first;
            add(Phrases.toRegex(phrase), first.isEmpty() || !Character.isLetterOrDigit(first.charAt(0)) ? null : List.of(first));
        }
        for (String r : patterns) {
            if (r.startsWith("^")) { // anchored: one try at the start of the text
                atStart.add(new Branch(Pattern.compile(Phrases.NOT_MID_WORD + "(?:" + r + ")" + Phrases.NOT_MID_WORD,
                        Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE)));
                continue;
            }
            add(Phrases.NOT_MID_WORD + "(?:" + r + ")" + Phrases.NOT_MID_WORD, FirstWords.of(r));
        }
    }

    private void add(String regex, List<String> first) {
        Pattern p = Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        Branch b = new Branch(p);
        if (first == null) {
            anywhere.add(b);
            return;
        }
        for (String w : first) {
            byFirstChar.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(new Object[] {w, b});
            if (w.charAt(0) < 128) {
                asciiFirst[w.charAt(0)] = true;
            }
        }
    }

    /**
     * Matches in a draft, in text order, none overlapping; each as {start, end} in its folded
     * text. Remembered on the draft: the learned model's cues ask the same sets as the rules.
     */
    public List<int[]> findAll(AnalyzedDraft d, int max) {
        List<int[]> all = d.remembered(this);
        if (all == null) {
            all = findAll(d.folded(), d.tokens(), d.echoes(), Integer.MAX_VALUE);
            d.remember(this, all);
        }
        return all.size() > max ? all.subList(0, max) : all;
    }

    public boolean foundIn(AnalyzedDraft d) {
        return !findAll(d, 1).isEmpty();
    }

    List<int[]> findAll(String folded, List<Token> tokens, int max) {
        return findAll(folded, tokens, new boolean[tokens.size()], max);
    }

    private List<int[]> findAll(String folded, List<Token> tokens, boolean[] echoes, int max) {
        List<int[]> found = new ArrayList<>();
        for (Branch b : atStart) {
            Matcher m = b.pattern().matcher(folded);
            if (m.lookingAt() && m.end() > m.start()) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        for (Branch b : anywhere) {
            Matcher m = b.pattern().matcher(folded);
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.add(new int[] {m.start(), m.end()});
                }
            }
        }
        if (!byFirstChar.isEmpty()) {
            // where each branch's last match ended: a branch is not tried again inside its own
            // match, so a draft of 20,000 numbers costs one pass, not 20,000 (see PathologicalDraftsBenchmark)
            java.util.Map<Branch, Integer> busyUntil = null; // made when a branch first matches
            for (int ti = 0; ti < tokens.size(); ti++) {
                Token t = tokens.get(ti);
                if (t.is(Token.Kind.LINK) || echoes[ti]) {
                    continue;
                }
                // a match may start at the token or after a joiner inside it ("special-call", "1.5p");
                // inside a token longer than any word ("1,1,1,…") only its start is tried
                int inner = t.end() - t.start() > LONGEST_WORD ? t.start() + 1 : t.end();
                for (int at = t.start(); at < inner; at++) {
                    if (at == t.start() || !Character.isLetterOrDigit(folded.charAt(at - 1))) {
                        busyUntil = tryAt(folded, at, found, busyUntil);
                    }
                }
            }
        }
        if (found.size() > 1) {
            found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
            List<int[]> kept = new ArrayList<>();
            int end = -1;
            for (int[] f : found) {
                if (f[0] >= end) {
                    kept.add(f);
                    end = f[1];
                }
            }
            found = kept;
        }
        return found.size() > max ? found.subList(0, max) : found;
    }

    /** Tries the branches that may start at {@code at}; returns the (possibly new) map of where each branch's match ended. */
    private java.util.Map<Branch, Integer> tryAt(String folded, int at, List<int[]> found, java.util.Map<Branch, Integer> busyUntil) {
        char first = folded.charAt(at);
        if (first < 128 && !asciiFirst[first]) {
            return busyUntil;
        }
        List<Object[]> candidates = byFirstChar.get(first);
        if (candidates == null) {
            return busyUntil;
        }
        Branch last = null;
        for (Object[] c : candidates) {
            Branch b = (Branch) c[1];
            if (b == last || !folded.startsWith((String) c[0], at) || busyUntil != null && at < busyUntil.getOrDefault(b, 0)) {
                continue;
            }
            last = b;
            Matcher m = b.pattern().matcher(folded);
            m.useTransparentBounds(true).useAnchoringBounds(false).region(at, folded.length());
            if (m.lookingAt() && m.end() > m.start()) {
                found.add(new int[] {m.start(), m.end()});
                if (busyUntil == null) {
                    busyUntil = new java.util.IdentityHashMap<>();
                }
                busyUntil.put(b, m.end());
            }
        }
        return busyUntil;
    }
}
