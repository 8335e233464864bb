package io.candor.text;

import java.text.Normalizer;

/**
 * Folds text so that tricks meant to dodge filters do not: compatibility forms (NFKD),
 * accents and other combining marks, zero-width and other format characters, common
 * Cyrillic and Greek look-alikes of Latin letters, case, and runs of white space.
 * Every folded char keeps a pointer back to the original, so findings quote the words
 * the writer actually typed.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static NormalizedText normalize(String text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int[] start = new int[n + 8];
        int[] end = new int[n + 8];
        boolean lastSpace = true; // trims leading white space
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp > 0x20 && cp < 0x7F) { // printable ASCII, most of any post: no table look-ups
                start = grow(start, out.length());
                end = grow(end, out.length());
                start[out.length()] = i;
                end[out.length()] = next;
                out.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + 32) : (char) cp);
                lastSpace = false;
                i = next;
                continue;
            }
            if (isInvisible(cp)) {
                i = next;
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!lastSpace) {
                    start = grow(start, out.length());
                    end = grow(end, out.length());
                    start[out.length()] = i;
                    end[out.length()] = next;
                    out.append(' ');
                    lastSpace = true;
                }
                i = next;
                continue;
            }
            CharSequence folded = fold(cp);
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                start = grow(start, out.length());
                end = grow(end, out.length());
                start[out.length()] = i;
                end[out.length()] = next;
                out.append(c);
            }
            lastSpace = false;
            i = next;
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return new NormalizedText(text, out.toString(), start, end);
    }

    /** True when nothing visible is left: white space, zero-width and format characters only. */
    public static boolean isBlank(String s) {
        return s.isBlank() || normalize(s).length() == 0;
    }

    /** Just the folded string, for word lists and phrases in config. */
    public static String fold(String s) {
        return normalize(s).folded();
    }

    private static int[] grow(int[] a, int idx) {
        if (idx < a.length) {
            return a;
        }
        int[] b = new int[Math.max(a.length * 2, idx + 8)];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT           // zero-width space/joiners, bidi marks, soft hyphen
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.CONTROL && !Character.isWhitespace(cp)
                || cp == 0x180E || cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0;
    }

    private static CharSequence fold(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        int mapped = Confusables.map(cp);
        if (mapped != cp) {
            return String.valueOf((char) mapped);
        }
        String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int k = 0; k < d.length(); ) {
            int c = d.codePointAt(k);
            k += Character.charCount(c);
            if (isInvisible(c)) {
                continue;
            }
            int m = Confusables.map(c);
            sb.appendCodePoint(Character.toLowerCase(m));
        }
        return sb;
    }
}
