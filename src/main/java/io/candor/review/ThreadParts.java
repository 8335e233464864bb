package io.candor.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a thread (X, Bluesky, Threads, Mastodon): paragraphs numbered "1/", "2/5",
 * "(3/5)", or, when the writer says it is a thread, paragraphs split by blank lines. Each
 * part keeps its place in the whole text, so findings about it point at the right words.
 */
public final class ThreadParts {
    /** One part: [start, end) in the whole text, and its number from 1. */
    public record Part(int number, int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("(?m)^[ \\t]*\\(?(\\d{1,2})\\s*/\\s*(\\d{1,2})?\\)?(?=\\s|$)");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n\\s*");

    private ThreadParts() {
    }

    /** The parts, or one part (the whole text) when it is not a thread. */
    public static List<Part> split(String text, boolean thread) {
        List<Part> numbered = numbered(text);
        if (numbered.size() >= 2) {
            return numbered;
        }
        if (!thread) {
            return List.of(new Part(1, 0, text.length()));
        }
        List<Part> out = new ArrayList<>();
        Matcher m = BLANK_LINE.matcher(text);
        int from = 0;
        while (m.find()) {
            add(out, text, from, m.start());
            from = m.end();
        }
        add(out, text, from, text.length());
        return out.isEmpty() ? List.of(new Part(1, 0, text.length())) : out;
    }

    /** Parts that start with "1/", "2/", … in order; fewer than two means it is not a numbered thread. */
    private static List<Part> numbered(String text) {
        List<int[]> marks = new ArrayList<>();
        Matcher m = NUMBERED.matcher(text);
        int expect = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == expect) {
                marks.add(new int[] {m.start(), m.end()}); // a part's words start after its "2/"
                expect++;
            }
        }
        List<Part> out = new ArrayList<>();
        if (marks.size() < 2) {
            return out;
        }
        if (!text.substring(0, marks.get(0)[0]).isBlank()) {
            add(out, text, 0, marks.get(0)[0]); // an opening line before "1/" is a part of its own
        }
        for (int i = 0; i < marks.size(); i++) {
            add(out, text, marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length());
        }
        return out;
    }

    private static void add(List<Part> out, String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            out.add(new Part(out.size() + 1, from, to));
        }
    }
}
