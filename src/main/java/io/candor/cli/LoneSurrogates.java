package io.candor.cli;

/**
 * Half of an emoji (a lone UTF-16 surrogate, which JSON input can carry as {@code \ud83d})
 * cannot be written as UTF-8: the encoder would print "?" and the quoted words would no
 * longer match the draft. JSON output keeps it exactly, as a {@code \\uD83D} escape (a lone
 * surrogate can only stand inside a JSON string); text output shows U+FFFD, the
 * replacement character, where it stood.
 */
final class LoneSurrogates {
    private LoneSurrogates() {
    }

    static String inJson(String json) {
        return replace(json, true);
    }

    static String inText(String text) {
        return replace(text, false);
    }

    private static String replace(String s, boolean json) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (lone && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (lone) {
                    out.append(json ? String.format("\\u%04X", (int) c) : "\uFFFD");
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
