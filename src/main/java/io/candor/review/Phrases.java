package io.candor.review;

import java.util.regex.Pattern;

/** Turns a folded phrase from a word list into a whole-word regular expression. */
final class Phrases {
    static final String WORD_BEFORE = "(?<![\\p{L}\\p{N}_])";
    static final String WORD_AFTER = "(?![\\p{L}\\p{N}_])";
    /** Holds at a word boundary or next to punctuation, never between two letters. */
    static final String NOT_MID_WORD = "(?:" + WORD_BEFORE + "|" + WORD_AFTER + ")";

    private Phrases() {
    }

    static String toRegex(String folded) {
        StringBuilder sb = new StringBuilder("(?:");
        if (Character.isLetterOrDigit(folded.codePointAt(0))) {
            sb.append(WORD_BEFORE);
        }
        String[] words = folded.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append("\\s*");
            }
            // "*" at the end of a word in a list means "any ending": subscrib* matches subscribe, subscribed
            String w = words[i];
            if (w.endsWith("*") && w.length() > 1) {
                sb.append(Pattern.quote(w.substring(0, w.length() - 1))).append("[\\p{L}\\p{N}]*");
            } else {
                sb.append(Pattern.quote(w));
            }
        }
        if (Character.isLetterOrDigit(folded.codePointBefore(folded.length()))) {
            sb.append(WORD_AFTER);
        }
        return sb.append(')').toString();
    }
}
