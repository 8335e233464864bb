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

    /** {@code s} when it fits in {@code max} chars, else its start and "…", {@code max} chars at most. */
    public static String withEllipsis(String s, int max) {
        return s.length() <= max ? s : head(s, max - 1) + "…";
    }
}
