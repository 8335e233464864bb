package io.candor.learn;

import io.candor.text.Token;
import java.util.Arrays;
import java.util.List;

/**
 * The evidence a linear model sees in a text, hashed into a fixed number of slots: words,
 * word pairs, character 3- to 5-grams inside words (so "subscibe" and "subscribe" share
 * most of their evidence, and a word the model never saw still counts), and shapes that
 * matter more than their spelling (a link and its host, a handle, a long number, money,
 * "!"). Each feature remembers the tokens it came from, so a finding can quote the words
 * that weighed most.
 */
public final class TextFeatures {
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;
    private static final int MAX_WORD = 24;

    /** Feature slots (distinct, sorted by slot) and, per slot, the first and last token it came from. */
    public record Vector(int[] slots, int[] first, int[] last) {
        public int size() {
            return slots.length;
        }
    }

    private TextFeatures() {
    }

    public static Vector of(List<Token> tokens, int bits) {
        return builder(bits, tokens.size()).words(tokens).build();
    }

    /** Starts a vector of {@code 2^bits} slots, to which words and named features can be added. */
    public static Builder builder(int bits, int tokens) {
        return new Builder(bits, tokens * 12 + 4);
    }

    private static void words(Builder b, List<Token> tokens, boolean[] skip, int mask) {
        String prev = null;
        int prevAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (skip != null && skip[i]) {
                continue;
            }
            Token t = tokens.get(i);
            String unit = unit(t);
            if (unit == null) {
                continue;
            }
            b.add(hash("u", unit) & mask, i, i);
            if (prev != null) {
                b.add(hash(prev, unit) & mask, prevAt, i);
            }
            if (t.is(Token.Kind.WORD) && t.text().length() <= MAX_WORD) {
                grams(b, t.text(), i, mask);
            } else if (t.is(Token.Kind.LINK)) {
                String host = host(t.text());
                if (!host.isEmpty()) {
                    b.add(hash("h", host) & mask, i, i);
                }
            } else if (t.is(Token.Kind.HASHTAG) || t.is(Token.Kind.EMOJI)) {
                b.add(hash("t", t.text()) & mask, i, i);
            }
            prev = unit;
            prevAt = i;
        }
    }

    /** What a token stands for: a word as itself, other kinds by their shape. */
    static String unit(Token t) {
        return switch (t.kind()) {
            case WORD -> t.text().length() > 30 ? "<long>" : t.text();
            case NUMBER -> {
                int digits = 0;
                for (int i = 0; i < t.text().length(); i++) {
                    digits += Character.isDigit(t.text().charAt(i)) ? 1 : 0;
                }
                yield digits >= 7 ? "<phone>" : digits >= 4 ? "<num4>" : "<num>";
            }
            case LINK -> "<link>";
            case HANDLE -> "<handle>";
            case HASHTAG -> "<tag>";
            case EMOJI -> "<emoji>";
            case PUNCT -> switch (t.text()) {
                case "!" -> "!";
                case "?" -> "?";
                case "$", "£", "€" -> "<money>";
                default -> null;
            };
        };
    }

    private static void grams(Builder b, String w, int at, int mask) {
        // boundaries are part of the word: "^sub" and "ibe$" say where a piece sits
        String s = "^" + w + "$";
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int i = 0; i + n <= s.length(); i++) {
                b.add(hashRange(s, i, i + n) & mask, at, at);
            }
        }
    }

    /** The host of a link without "www.", lower-cased ("t.me", "bit.ly", "example.com"). */
    static String host(String link) {
        String s = link;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = 0;
        while (end < s.length() && "/?#: ".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        s = s.substring(0, end);
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        int at = s.lastIndexOf('@');
        return at >= 0 ? s.substring(at + 1) : s;
    }

    /** The hash a named feature is filed under, to work out once for a name used on every draft. */
    public static int nameHash(String name) {
        return hash("n", name);
    }

    static int hash(String a, String b) {
        int h = 0x9747b28c;
        for (int i = 0; i < a.length(); i++) {
            h = 31 * h + a.charAt(i);
        }
        h = 31 * h + 0x1f;
        for (int i = 0; i < b.length(); i++) {
            h = 31 * h + b.charAt(i);
        }
        return mix(h);
    }

    static int hashRange(String s, int from, int to) {
        int h = 0x2c1b3c6d;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    /** Murmur3's finaliser: spreads String-style hashes over all bits before masking. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Collects (slot, first, last) and keeps each slot once. */
    public static final class Builder {
        private final int mask;
        private long[] packed;
        private int n;

        Builder(int bits, int capacity) {
            this.mask = (1 << bits) - 1;
            packed = new long[capacity];
        }

        /** Words, word pairs, letter groups and shapes of the tokens. */
        public Builder words(List<Token> tokens) {
            TextFeatures.words(this, tokens, null, mask);
            return this;
        }

        /** The same, leaving out the tokens marked in {@code skip} (repeats that add nothing). */
        public Builder words(List<Token> tokens, boolean[] skip) {
            TextFeatures.words(this, tokens, skip, mask);
            return this;
        }

        /** A named feature ("cue:pitch.scam/credit") seen at tokens [first, last]; -1 when it has no place. */
        public Builder named(String name, int first, int last) {
            return named(nameHash(name), first, last);
        }

        /** The same, with the name's hash worked out once ({@link #nameHash}). */
        public Builder named(int nameHash, int first, int last) {
            add(nameHash & mask, first, last);
            return this;
        }

        void add(int slot, int first, int last) {
            if (n == packed.length) {
                packed = Arrays.copyOf(packed, n * 2);
            }
            // slot in the high bits so sorting groups equal slots; token range and order below
            packed[n] = ((long) slot << 32) | ((long) ((first + 1) & 0xFFFF) << 16) | ((last + 1) & 0xFFFF);
            n++;
        }

        public Vector build() {
            long[] p = Arrays.copyOf(packed, n);
            Arrays.sort(p);
            int[] slots = new int[n];
            int[] first = new int[n];
            int[] last = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                int slot = (int) (p[i] >>> 32);
                if (k > 0 && slots[k - 1] == slot) {
                    continue;
                }
                slots[k] = slot;
                first[k] = (int) ((p[i] >>> 16) & 0xFFFF) - 1;
                last[k] = (int) (p[i] & 0xFFFF) - 1;
                k++;
            }
            return new Vector(Arrays.copyOf(slots, k), Arrays.copyOf(first, k), Arrays.copyOf(last, k));
        }
    }
}
