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
    /** @param index this set's number for the branch, for the per-call arrays of {@link #findAll} */
    private record Branch(Pattern pattern, int index) {
    }

    /** A branch that can start only where its first word does. */
    private record Candidate(String word, Branch branch) {
    }

    private static final int LONGEST_WORD = 64;
    private static final Candidate[] NONE = new Candidate[0];
    private final List<Branch> anywhere = new ArrayList<>();
    private final List<Branch> atStart = new ArrayList<>();
    private final Map<Character, List<Candidate>> byFirstChar = new HashMap<>();
    /** Candidates whose first word is one character long, by that character (ASCII in an array, the rest in a map). */
    private final Candidate[][] byAscii = new Candidate[128][];
    private final Map<Character, Candidate[]> byOtherChar = new HashMap<>();
    /**
     * Candidates whose first word has two characters or more, by their first two: with a few
     * hundred first words, one letter's list is long and most of it cannot match here.
     */
    private final PairTable byFirstTwo = new PairTable();
    /**
     * Which ASCII characters start a first word, and a 1,024-bit filter of the first two
     * characters: most word starts of a draft begin none of a set's words, and these two
     * looks turn them away before any table is probed (there are a few hundred sets).
     */
    private final long[] asciiFirst = new long[2];
    private final long[] pairFilter = new long[16];
    private boolean otherFirst;
    /** The ASCII characters that are a whole first word by themselves ("i", "$"): tried without a second character. */
    private final long[] asciiSingles = new long[2];
    private boolean hasSingles;
    private int branches;

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
        Map<Integer, List<Candidate>> byPair = new HashMap<>();
        byFirstChar.forEach((c, list) -> {
            List<Candidate> single = new ArrayList<>();
            for (Candidate cand : list) {
                if (cand.word().length() == 1) {
                    single.add(cand);
                } else {
                    byPair.computeIfAbsent(PairTable.key(cand.word().charAt(0), cand.word().charAt(1)), k -> new ArrayList<>()).add(cand);
                }
            }
            if (single.isEmpty()) {
                return;
            }
            Candidate[] a = single.toArray(NONE);
            if (c < byAscii.length) {
                byAscii[c] = a;
            } else {
                byOtherChar.put(c, a);
            }
        });
        byPair.forEach((k, list) -> byFirstTwo.put(k, list.toArray(NONE)));
        for (char c : byFirstChar.keySet()) {
            if (c < 128) {
                asciiFirst[c >>> 6] |= 1L << c;
            } else {
                otherFirst = true;
            }
        }
        for (List<Candidate> list : byFirstChar.values()) {
            for (Candidate cand : list) {
                char c = cand.word().charAt(0);
                if (cand.word().length() == 1) {
                    hasSingles = true;
                    if (c < 128) {
                        asciiSingles[c >>> 6] |= 1L << c;
                    }
                }
                if (cand.word().length() > 1) {
                    int h = pairHash(cand.word().charAt(0), cand.word().charAt(1));
                    pairFilter[h >>> 6] |= 1L << h;
                }
            }
        }
    }

    private static int pairHash(char a, char b) {
        return (a * 31 + b) & 1023;
    }

    private static final int[] NO_STARTS = new int[0];

    /**
     * A draft's word starts in brief: bits 0-1023 the pair hash of each start's first two
     * characters, 1024-1151 its first character when ASCII, 1152 set when one is not. A set
     * none of whose first words can begin at any of them skips the draft's starts altogether:
     * with a few hundred sets, most find nothing to try in a post of twenty words.
     */
    static long[] startFilter(String folded, int[] wordStarts) {
        long[] f = new long[19];
        for (int at : wordStarts) {
            char c = folded.charAt(at);
            if (c < 128) {
                f[16 + (c >>> 6)] |= 1L << c;
            } else {
                f[18] = 1;
            }
            if (at + 1 < folded.length()) {
                int h = pairHash(c, folded.charAt(at + 1));
                f[h >>> 6] |= 1L << h;
            }
        }
        return f;
    }

    private boolean mayStartIn(long[] f) {
        if (byFirstChar.isEmpty()) {
            return false;
        }
        if (otherFirst && f[18] != 0 || hasSingles && ((asciiSingles[0] & f[16]) != 0 || (asciiSingles[1] & f[17]) != 0)) {
            return true;
        }
        for (int i = 0; i < 16; i++) {
            if ((pairFilter[i] & f[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    private void add(String regex, List<String> first) {
        Pattern p = Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        Branch b = new Branch(p, branches++);
        if (first == null) {
            anywhere.add(b);
            return;
        }
        for (String w : first) {
            byFirstChar.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(new Candidate(w, b));
        }
    }

    /**
     * Matches in a draft, in text order, none overlapping; each as {start, end} in its folded
     * text. Remembered on the draft: the learned model's cues ask the same sets as the rules.
     */
    public List<int[]> findAll(AnalyzedDraft d, int max) {
        List<int[]> all = d.remembered(this);
        if (all == null) {
            all = findAll(d.folded(), mayStartIn(d.startFilter()) ? d.wordStarts() : NO_STARTS, Integer.MAX_VALUE);
            d.remember(this, all);
        }
        return all.size() > max ? all.subList(0, max) : all;
    }

    public boolean foundIn(AnalyzedDraft d) {
        return !findAll(d, 1).isEmpty();
    }

    List<int[]> findAll(String folded, List<Token> tokens, int max) {
        return findAll(folded, wordStarts(folded, tokens, new boolean[tokens.size()]), max);
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

    private List<int[]> findAll(String folded, int[] wordStarts, int max) {
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
            int[] busyUntil = new int[branches];
            // one matcher per branch for this text, moved from word to word (a new one each time costs more than the match)
            Matcher[] matchers = new Matcher[branches];
            for (int at : wordStarts) {
                tryAt(folded, at, found, busyUntil, matchers);
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

    private void tryAt(String folded, int at, List<int[]> found, int[] busyUntil, Matcher[] matchers) {
        char first = folded.charAt(at);
        if (first < 128 ? (asciiFirst[first >>> 6] & 1L << first) == 0 : !otherFirst) {
            return;
        }
        Candidate[] single = first < byAscii.length ? byAscii[first] : byOtherChar.get(first);
        if (single != null) {
            tryEach(single, folded, at, found, busyUntil, matchers);
        }
        if (at + 1 < folded.length()) {
            char second = folded.charAt(at + 1);
            int h = pairHash(first, second);
            if ((pairFilter[h >>> 6] & 1L << h) == 0) {
                return;
            }
            Candidate[] two = byFirstTwo.get(PairTable.key(first, second));
            if (two != null) {
                tryEach(two, folded, at, found, busyUntil, matchers);
            }
        }
    }

    private static void tryEach(Candidate[] candidates, String folded, int at, List<int[]> found, int[] busyUntil, Matcher[] matchers) {
        Branch last = null;
        for (Candidate c : candidates) {
            Branch b = c.branch();
            if (b == last || !folded.startsWith(c.word(), at) || at < busyUntil[b.index()]) {
                continue;
            }
            last = b;
            Matcher m = matchers[b.index()];
            if (m == null) {
                m = b.pattern().matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[b.index()] = m;
            }
            m.region(at, folded.length());
            if (m.lookingAt() && m.end() > m.start()) {
                found.add(new int[] {m.start(), m.end()});
                busyUntil[b.index()] = m.end();
            }
        }
    }

    /** An open-addressing map from two characters (as one int) to candidates: no boxing on the lookup a word start makes. */
    private static final class PairTable {
        private int[] keys = new int[16];
        private Candidate[][] values = new Candidate[16][];
        private int size;

        static int key(char a, char b) {
            return (a << 16 | b) + 1; // never 0, the empty slot
        }

        void put(int key, Candidate[] value) {
            if (2 * (size + 1) > keys.length) {
                int[] oldKeys = keys;
                Candidate[][] oldValues = values;
                keys = new int[oldKeys.length * 2];
                values = new Candidate[oldKeys.length * 2][];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int i = slot(key);
            if (keys[i] == 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        Candidate[] get(int key) {
            return values[slot(key)];
        }

        private int slot(int key) {
            int mask = keys.length - 1;
            int i = (key * 0x9E3779B9 >>> 7) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }
}
