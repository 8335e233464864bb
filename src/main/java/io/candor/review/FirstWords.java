package io.candor.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads off a pattern the literal text its match must begin with: "(check|visit)\\s+…" gives
 * [check, visit]; "sub\\s+…|f4f" gives [sub, f4f]; "(?<!…)(my|our)…" gives [my, our];
 * "(?:i|we)(?:'ll| will) (?:help|fix)" gives [i'll help, i'll fix, i will help, …]: the longer
 * the text, the fewer the places a pattern is tried (a pattern that begins "i" or "t\\.me" would
 * otherwise be tried at every word that begins with i or t). Null when the start cannot be
 * known (a leading class, anchor, optional group…), in which case the pattern is simply tried
 * everywhere.
 */
final class FirstWords {
    /** Past this many starts a pattern's text is not lengthened further (its first words still count). */
    private static final int MOST = 64;

    private FirstWords() {
    }

    static List<String> of(String regex) {
        List<String> out = new ArrayList<>();
        for (Start st : alternatives(regex)) {
            if (st.text().isEmpty() || Character.isWhitespace(st.text().charAt(0))) {
                return null; // a match may begin anywhere, or between words, where no word start is
            }
            out.add(st.text());
        }
        return out.isEmpty() ? null : out;
    }

    /** A literal start of an alternative; whole when the alternative is that text and nothing else. */
    private record Start(String text, boolean whole) {
    }

    private static List<Start> alternatives(String regex) {
        List<Start> out = new ArrayList<>();
        for (String alt : splitTop(regex)) {
            out.addAll(sequence(alt));
        }
        return out;
    }

    /** The starts of one alternative: its literal characters and groups, in turn, until one is not literal. */
    private static List<Start> sequence(String a) {
        List<StringBuilder> open = new ArrayList<>(List.of(new StringBuilder()));
        List<Start> done = new ArrayList<>();
        int i = 0;
        while (i < a.length() && !open.isEmpty()) {
            char c = a.charAt(i);
            if (c == '(') {
                int close = closing(a.substring(i));
                if (close < 0) {
                    break;
                }
                close += i;
                String group = a.substring(i, close + 1);
                if (group.startsWith("(?<!") || group.startsWith("(?<=") || group.startsWith("(?=") || group.startsWith("(?!")) {
                    i = close + 1; // takes no text: what follows starts where it would have
                    continue;
                }
                char q = close + 1 < a.length() ? a.charAt(close + 1) : 0;
                if (group.startsWith("(?") && !group.startsWith("(?:") || q == '?' || q == '*' || q == '{') {
                    break;
                }
                List<Start> inner = alternatives(group.substring(group.startsWith("(?:") ? 3 : 1, group.length() - 1));
                boolean first = open.size() == 1 && open.get(0).length() == 0;
                if (!first && open.size() * inner.size() > MOST) {
                    break;
                }
                List<StringBuilder> next = new ArrayList<>();
                for (StringBuilder o : open) {
                    for (Start in : inner) {
                        StringBuilder sb = new StringBuilder(o).append(in.text());
                        if (in.whole() && q != '+') {
                            next.add(sb);
                        } else {
                            done.add(new Start(sb.toString(), false));
                        }
                    }
                }
                open = next;
                i = close + 1;
                continue;
            }
            List<String> chars = literal(a, i);
            if (chars == null) {
                break;
            }
            int width = width(a, i);
            char q = i + width < a.length() ? a.charAt(i + width) : 0;
            if (q == '?' || q == '*' || q == '{' || open.size() * chars.size() > MOST && open.get(0).length() > 0) {
                break; // optional, or too many: the match may go on otherwise
            }
            List<StringBuilder> next = new ArrayList<>();
            for (StringBuilder o : open) {
                for (String ch : chars) {
                    next.add(new StringBuilder(o).append(ch));
                }
            }
            open = next;
            i += width;
            if (q == '+') {
                break; // once at least; what comes after is not known
            }
        }
        for (StringBuilder o : open) {
            done.add(new Start(o.toString(), i >= a.length()));
        }
        return done;
    }

    /**
     * The characters the element at {@code i} matches, lower case: a letter, digit, space or
     * symbol; an escaped symbol; "\\d" (0-9); a simple class of symbols ("[$£€]"). Null for
     * anything else (a class of letters, "\\s", ".", an anchor…).
     */
    private static List<String> literal(String a, int i) {
        char c = a.charAt(i);
        if (c == '\\' && i + 1 < a.length()) {
            char e = a.charAt(i + 1);
            if (e == 'd') {
                return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            }
            return Character.isLetterOrDigit(e) ? null : List.of(String.valueOf(e));
        }
        if (c == '[') {
            int close = a.indexOf(']', i + 1);
            String body = close < 0 ? "" : a.substring(i + 1, close);
            if (body.isEmpty() || body.startsWith("^") || body.contains("\\") || body.contains("-") || body.contains("[")
                    || body.chars().anyMatch(Character::isLetterOrDigit)) {
                return null;
            }
            return body.chars().mapToObj(ch -> String.valueOf((char) ch)).toList();
        }
        if (Character.isHighSurrogate(c)) { // an emoji or another character beyond the first 65,536: both halves
            return i + 1 < a.length() && Character.isLowSurrogate(a.charAt(i + 1)) ? List.of(a.substring(i, i + 2)) : null;
        }
        if (META.indexOf(c) >= 0 || Character.isWhitespace(c) && c != ' ') {
            return null;
        }
        return List.of(String.valueOf(Character.toLowerCase(c)));
    }

    private static int width(String a, int i) {
        char c = a.charAt(i);
        return c == '\\' || Character.isHighSurrogate(c) ? 2 : c == '[' ? a.indexOf(']', i + 1) - i + 1 : 1;
    }

    private static final String META = "\\^$.|?*+()[]{}";

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
