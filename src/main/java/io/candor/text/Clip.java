package io.candor.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens text to a length in UTF-16 chars (what Slack, Discord and the database columns
 * count) without splitting what a reader sees as one character: a surrogate pair, an emoji
 * with its skin tone or ZWJ sequence, a flag, a letter with its combining marks. Boundaries
 * are Unicode extended grapheme clusters ({@code \X}; the JDK 17 BreakIterator splits flags
 * and emoji sequences).
 */
public final class Clip {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    /** A cluster's end is decided by the next code point; a little more text is looked at than kept. */
    private static final int LOOKAHEAD = 16;

    private Clip() {
    }

    /** The longest start of {@code s} of at most {@code max} chars that ends between two graphemes. */
    public static String head(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        Matcher m = GRAPHEME.matcher(s).region(0, Math.min(s.length(), max + LOOKAHEAD));
        int end = 0;
        while (m.find() && m.end() <= max) {
            end = m.end();
        }
        return s.substring(0, end);
    }

    /** {@code s} when it fits in {@code max} chars, else its start and "…", {@code max} chars at most, cut between words when it can. */
    public static String withEllipsis(String s, int max) {
        return s.length() <= max ? s : s.substring(0, wordEnd(s, head(s, max - 1).length())) + "…";
    }

    /**
     * Where to end a text cut at {@code at} so no word is cut: {@code at} itself when it falls
     * between words, else the last space before it in the last half of the kept text, else
     * (one very long word) {@code at} moved back to a grapheme boundary.
     */
    public static int wordEnd(String s, int at) {
        if (at >= s.length() || at <= 0 || Character.isWhitespace(s.charAt(at)) || Character.isWhitespace(s.charAt(at - 1))) {
            return Math.max(0, Math.min(at, s.length()));
        }
        for (int i = at - 1; i > at - Math.max(1, at / 2); i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return head(s, at).length();
    }

    /**
     * Where to start a text's tail cut at {@code at} so no word is cut: {@code at} when it falls
     * between words, else just after the first space after it in the first half of the tail,
     * else {@code at} moved on to a grapheme boundary.
     */
    public static int wordStart(String s, int at) {
        if (at <= 0 || at >= s.length() || Character.isWhitespace(s.charAt(at - 1)) || Character.isWhitespace(s.charAt(at))) {
            return Math.max(0, Math.min(at, s.length()));
        }
        int reach = Math.max(1, (s.length() - at) / 2);
        for (int i = at; i < Math.min(s.length(), at + reach); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i + 1;
            }
        }
        Matcher m = GRAPHEME.matcher(s).region(Math.max(0, at - LOOKAHEAD), s.length());
        while (m.find()) {
            if (m.start() >= at) {
                return m.start();
            }
        }
        return s.length();
    }
}
