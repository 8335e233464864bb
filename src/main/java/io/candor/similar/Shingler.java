package io.candor.similar;

import io.candor.text.TextNormalizer;
import io.candor.text.Token;
import io.candor.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Turns a post into the set of pieces ("shingles") two copies of it share. The text is
 * folded (case, NFKD, zero-width and look-alike characters), then links, @handles, emoji,
 * punctuation and the '#' of hashtags are masked out and a leading "Reposting:" or "RT"
 * dropped, so the usual tricks of re-posting do not hide a copy. Shingles are word pairs;
 * short posts also get character 4-grams, because one changed word in six is a lot of pairs.
 * Thread-safe and stateless after construction.
 */
public final class Shingler {
    private static final int CHAR_GRAM = 4;
    private static final long WORD_SEED = 0x9E3779B97F4A7C15L;
    private static final long CHAR_SEED = 0xC2B2AE3D27D4EB4FL;
    private final int shortWords;
    private final List<String[]> prefixes;

    /**
     * @param shortWords posts with fewer words than this also get character shingles
     * @param repostPrefixes folded phrases dropped from the start ("reposting", "rt", "icymi")
     */
    public Shingler(int shortWords, Collection<String> repostPrefixes) {
        this.shortWords = shortWords;
        this.prefixes = new ArrayList<>();
        for (String p : repostPrefixes) {
            String f = TextNormalizer.fold(p).replaceAll("[^\\p{L}\\p{N} ]", " ").trim();
            if (!f.isEmpty()) {
                prefixes.add(f.split(" +"));
            }
        }
        // longest first, so "in case you missed it" wins over "in"
        prefixes.sort((a, b) -> b.length - a.length);
    }

    /** The words that carry the content, in order, after masking and dropping repost prefixes. */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(TextNormalizer.fold(text))) {
            switch (t.kind()) {
                case WORD, NUMBER -> words.add(t.text());
                case HASHTAG -> words.add(t.text().substring(1));
                default -> { } // links, handles, emoji and punctuation change between copies
            }
        }
        return dropPrefix(words);
    }

    /** The shingle set of a text as sorted distinct 32-bit hashes, with its word count. */
    public Shingles shingles(String text) {
        return shinglesOf(words(text));
    }

    public Shingles shinglesOf(List<String> words) {
        int n = words.size();
        int[] out = new int[Math.max(1, n) + (n < shortWords ? 64 : 0)];
        int k = 0;
        if (n == 1) {
            out[k++] = hash(WORD_SEED, words.get(0), "");
        }
        for (int i = 0; i + 1 < n; i++) {
            out = ensure(out, k);
            out[k++] = hash(WORD_SEED, words.get(i), words.get(i + 1));
        }
        if (n > 0 && n < shortWords) {
            String joined = String.join(" ", words);
            if (joined.length() <= CHAR_GRAM) {
                out = ensure(out, k);
                out[k++] = hash(CHAR_SEED, joined, "");
            }
            for (int i = 0; i + CHAR_GRAM <= joined.length(); i++) {
                out = ensure(out, k);
                out[k++] = hash(CHAR_SEED, joined.substring(i, i + CHAR_GRAM), "");
            }
        }
        return new Shingles(sortedDistinct(out, k), n);
    }

    /**
     * The word-pair shingles alone (the single word of a one-word text), sorted and
     * distinct: the same values as in {@link #shinglesOf}, without the character grams, so
     * a short text and a long one can be compared on the same footing (containment).
     */
    public int[] pairsOf(List<String> words) {
        int n = words.size();
        if (n == 0) {
            return new int[0];
        }
        if (n == 1) {
            return new int[] {hash(WORD_SEED, words.get(0), "")};
        }
        int[] out = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            out[i] = hash(WORD_SEED, words.get(i), words.get(i + 1));
        }
        return sortedDistinct(out, out.length);
    }

    private static int[] sortedDistinct(int[] a, int k) {
        int[] set = Arrays.copyOf(a, k);
        Arrays.sort(set);
        int d = 0;
        for (int i = 0; i < set.length; i++) {
            if (i == 0 || set[i] != set[i - 1]) {
                set[d++] = set[i];
            }
        }
        return Arrays.copyOf(set, d);
    }

    private List<String> dropPrefix(List<String> words) {
        boolean dropped = true;
        while (dropped && !words.isEmpty()) {
            dropped = false;
            for (String[] p : prefixes) {
                if (p.length < words.size() && startsWith(words, p)) {
                    words = words.subList(p.length, words.size());
                    dropped = true;
                    break;
                }
            }
        }
        return words;
    }

    private static boolean startsWith(List<String> words, String[] p) {
        for (int i = 0; i < p.length; i++) {
            if (!words.get(i).equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    private static int[] ensure(int[] a, int k) {
        return k < a.length ? a : Arrays.copyOf(a, a.length * 2 + 8);
    }

    /** 64-bit FNV-1a over both strings, finished with a strong mix, folded to 32 bits. */
    static int hash(long seed, String a, String b) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < a.length(); i++) {
            h = (h ^ a.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0x20) * 0x100000001b3L;
        for (int i = 0; i < b.length(); i++) {
            h = (h ^ b.charAt(i)) * 0x100000001b3L;
        }
        h = MinHash.mix64(h);
        return (int) (h ^ (h >>> 32));
    }

    /** Exact Jaccard similarity of two sorted shingle sets. */
    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
