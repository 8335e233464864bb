package io.candor.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads off a pattern the letters its match must begin with: "(check|visit)\\s+…" gives
 * [check, visit]; "sub\\s+…|f4f" gives [sub, f4f]; "(?<!…)(my|our)…" gives [my, our].
 * Null when that cannot be known (a leading class, digit, anchor, optional group…), in
 * which case the pattern is simply tried everywhere.
 */
final class FirstWords {
    private FirstWords() {
    }

    static List<String> of(String regex) {
        List<String> out = new ArrayList<>();
        for (String alt : splitTop(regex)) {
            String a = skipLookbehind(alt);
            if (a.startsWith("(")) {
                int close = closing(a);
                if (close < 0 || a.startsWith("(?") && !a.startsWith("(?:")
                        || close + 1 < a.length() && "?*{".indexOf(a.charAt(close + 1)) >= 0) {
                    return null;
                }
                List<String> inner = of(a.substring(a.startsWith("(?:") ? 3 : 1, close));
                if (inner == null) {
                    return null;
                }
                out.addAll(inner);
            } else {
                List<String> w = leadingSymbol(a);
                if (w == null) {
                    String letters = leadingLetters(a);
                    if (letters == null) {
                        return null;
                    }
                    w = List.of(letters);
                }
                out.addAll(w);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String skipLookbehind(String r) {
        while (r.startsWith("(?<!") || r.startsWith("(?<=")) {
            int close = closing(r);
            if (close < 0) {
                return r;
            }
            r = r.substring(close + 1);
        }
        return r;
    }

    private static final String META = "\\^$.|?*+()[]{}";

    /**
     * First characters of a branch that starts with a digit class, an escaped or plain
     * symbol, or a simple class of symbols: "\\d…" gives 0-9, "\\{…" gives {, "[$£€]…"
     * gives $, £ and €. Null when the branch starts any other way.
     */
    private static List<String> leadingSymbol(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        List<String> firsts;
        int next;
        if (c == '\\' && s.length() > 1) {
            char e = s.charAt(1);
            if (e == 'd') {
                firsts = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            } else if (!Character.isLetterOrDigit(e)) {
                firsts = List.of(String.valueOf(e));
            } else {
                return null;
            }
            next = 2;
        } else if (c == '[') {
            int close = s.indexOf(']', 1);
            String body = close < 0 ? "" : s.substring(1, close);
            if (body.isEmpty() || body.startsWith("^") || body.contains("\\") || body.contains("-")) {
                return null;
            }
            firsts = body.chars().mapToObj(ch -> String.valueOf((char) ch)).toList();
            next = close + 1;
        } else if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && META.indexOf(c) < 0) {
            firsts = List.of(String.valueOf(c));
            next = 1;
        } else {
            return null;
        }
        if (next < s.length() && "?*{".indexOf(s.charAt(next)) >= 0) {
            return null; // optional: the match may start elsewhere
        }
        return firsts;
    }

    /** The literal lower-case letters a branch starts with, or null when it starts otherwise. */
    private static String leadingLetters(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                break;
            }
            if (i + 1 < s.length() && "?*{".indexOf(s.charAt(i + 1)) >= 0) {
                break; // an optional letter: the word may start without it
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Index of the parenthesis closing the one at 0, or -1. */
    private static int closing(String r) {
        int[] close = {-1};
        walk(r, (i, depth, c) -> {
            if (c == ')' && depth == 0 && close[0] < 0) {
                close[0] = i;
            }
        });
        return close[0];
    }

    /** The top-level alternatives of a pattern. */
    static List<String> splitTop(String s) {
        List<String> out = new ArrayList<>();
        int[] from = {0};
        walk(s, (i, depth, c) -> {
            if (c == '|' && depth == 0) {
                out.add(s.substring(from[0], i));
                from[0] = i + 1;
            }
        });
        out.add(s.substring(from[0]));
        return out;
    }

    private interface Visit {
        void at(int index, int depthAfter, char c);
    }

    /** Visits each parenthesis and bar of a pattern outside escapes and [classes], with the nesting depth after it. */
    private static void walk(String s, Visit visit) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' || c == ')' || c == '|') {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                visit.at(i, depth, c);
            }
        }
    }
}
