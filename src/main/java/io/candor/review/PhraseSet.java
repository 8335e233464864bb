package io.candor.review;

import io.candor.text.Token;
import java.util.ArrayList;
import java.util.List;
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
    /** @param index this set's number for the branch; {@link PhraseIndex} numbers it among all sets' */
    record Branch(Pattern pattern, int index) {
    }

    /** A branch that can start only where its first word does. */
    record FirstWord(String word, Branch branch) {
    }

    private static final int LONGEST_WORD = 64;
    private final List<Branch> anywhere = new ArrayList<>();
    private final List<Branch> atStart = new ArrayList<>();
    private final List<FirstWord> firstWords = new ArrayList<>();
    private int branches;
    private final int id;

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
                        Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE), branches++));
                continue;
            }
            add(Phrases.NOT_MID_WORD + "(?:" + r + ")" + Phrases.NOT_MID_WORD, FirstWords.of(r));
        }
        this.id = PhraseIndex.register(this, branches);
    }

    List<FirstWord> firstWords() {
        return firstWords;
    }

    private void add(String regex, List<String> first) {
        Pattern p = Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        Branch b = new Branch(p, branches++);
        if (first == null) {
            anywhere.add(b);
            return;
        }
        for (String w : first) {
            firstWords.add(new FirstWord(w, b));
        }
    }

    /**
     * Matches in a draft, in text order, none overlapping; each as {start, end} in its folded
     * text. Remembered on the draft: the learned model's cues ask the same sets as the rules.
     */
    public List<int[]> findAll(AnalyzedDraft d, int max) {
        PhraseIndex.Scan scan = d.phrases(id);
        List<int[]> all = scan.found(id);
        if (all == null) {
            all = findAll(d.folded(), scan.started(id));
            scan.remember(id, all);
        }
        return all.size() > max ? all.subList(0, max) : all;
    }

    public boolean foundIn(AnalyzedDraft d) {
        return !findAll(d, 1).isEmpty();
    }

    /**
     * Where a match may start: at each token, or after a joiner inside it ("special-call",
     * "1.5p"); inside a token longer than any word ("1,1,1,…") only its start; never in a
     * link or a token that only repeats the ones before it ({@code echoes}).
     */
    static int[] wordStarts(String folded, List<Token> tokens, boolean[] echoes) {
        int[] out = new int[Math.max(8, tokens.size() * 2)];
        int n = 0;
        for (int ti = 0; ti < tokens.size(); ti++) {
            Token t = tokens.get(ti);
            if (t.is(Token.Kind.LINK) || echoes[ti]) {
                continue;
            }
            int inner = t.end() - t.start() > LONGEST_WORD ? t.start() + 1 : t.end();
            for (int at = t.start(); at < inner; at++) {
                if (at == t.start() || !Character.isLetterOrDigit(folded.charAt(at - 1))) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = at;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The set's matches in text order, none overlapping: its anchored and anywhere branches, and what the scan started. */
    private List<int[]> findAll(String folded, List<int[]> started) {
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
        found.addAll(started);
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
        return found;
    }
}
