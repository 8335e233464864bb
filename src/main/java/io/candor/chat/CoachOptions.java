package io.candor.chat;

import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import io.candor.review.DraftKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Options in front of a draft typed after {@code /coach}, the same words as {@code candor
 * review}: {@code -p x,linkedin}, {@code --platform=x}, {@code -r "the message"},
 * {@code --reply-to "…"}, {@code -k comment}, {@code --thread}, and {@code --} before a
 * draft that starts with a dash. One parser for every surface that takes {@code /coach}
 * text (the terminal chat, Slack's slash command). Options are read only at the start; the
 * draft is the rest, exactly as typed (line breaks kept).
 */
public final class CoachOptions {
    private CoachOptions() {
    }

    /** A draft with its options, or a one-line reason the options could not be read. */
    public sealed interface Parsed {
    }

    public record Ok(Draft draft) implements Parsed {
    }

    public record Bad(String message) implements Parsed {
    }

    /** True when the text starts with something this parser reads as an option. */
    public static boolean startsWithOption(String text) {
        String t = text.stripLeading();
        return t.startsWith("--") || t.matches("(?s)-[prkt](\\s|=).*") || t.equals("-t");
    }

    public static Parsed parse(String text, Prompts prompts) {
        List<Platform> platforms = new ArrayList<>();
        String replyTo = null;
        DraftKind kind = null;
        boolean thread = false;
        Cursor c = new Cursor(text);
        while (true) {
            c.skipSpace();
            int start = c.pos;
            String word = c.word();
            if (word.isEmpty() || !word.startsWith("-") || !isOptionWord(word)) {
                c.pos = start;
                break;
            }
            if (word.equals("--")) {
                break;
            }
            String name = word;
            String inline = null;
            int eq = word.indexOf('=');
            if (eq > 0) {
                name = word.substring(0, eq);
                inline = word.substring(eq + 1);
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "-t", "--thread" -> thread = true;
                case "-p", "--platform", "--platforms" -> {
                    String v = value(c, inline, name, prompts);
                    if (v == null) {
                        return missing(name, prompts);
                    }
                    for (String n : v.split(",")) {
                        if (n.isBlank()) {
                            continue;
                        }
                        var p = Platform.find(n);
                        if (p.isEmpty()) {
                            return new Bad(prompts.render("cli:unknown-platform", Map.of("name", n.strip(), "known", Platform.known())));
                        }
                        platforms.add(p.get());
                    }
                }
                case "-r", "--reply-to" -> {
                    replyTo = value(c, inline, name, prompts);
                    if (replyTo == null) {
                        return missing(name, prompts);
                    }
                }
                case "-k", "--kind" -> {
                    String v = value(c, inline, name, prompts);
                    if (v == null) {
                        return missing(name, prompts);
                    }
                    try {
                        kind = DraftKind.parse(v);
                    } catch (IllegalArgumentException e) {
                        return new Bad(prompts.render("cli:bad-kind", Map.of("kind", v)));
                    }
                }
                default -> {
                    return new Bad(prompts.render("chat:options.unknown", Map.of("option", name)));
                }
            }
        }
        String draft = c.rest().strip();
        if (kind == DraftKind.POST && replyTo != null && !replyTo.isBlank()) {
            return new Bad(prompts.render("cli:post-with-reply"));
        }
        Draft d = Draft.of(draft).withPlatforms(platforms).withThread(thread);
        if (replyTo != null) {
            d = d.withReplyTo(replyTo);
        }
        if (kind != null) {
            d = d.withKind(kind);
        }
        return new Ok(d);
    }

    /** A long option, or one of the short ones; "-5% off" and "- a list item" are words of the draft. */
    private static boolean isOptionWord(String w) {
        return w.startsWith("--") || w.matches("-[prkt](=.*)?");
    }

    private static Parsed missing(String name, Prompts prompts) {
        return new Bad(prompts.render("chat:options.missing-value", Map.of("option", name)));
    }

    private static String value(Cursor c, String inline, String name, Prompts prompts) {
        if (inline != null) {
            return Cursor.unquote(inline);
        }
        c.skipSpace();
        if (c.atEnd()) {
            return null;
        }
        return c.value();
    }

    /** Reads words and quoted values ("…", “…”, '…') from the text. */
    private static final class Cursor {
        private final String s;
        int pos;

        Cursor(String s) {
            this.s = s == null ? "" : s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        /** Up to the next whitespace, quotes and all. */
        String word() {
            int start = pos;
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** A quoted value (the quotes dropped; it may hold spaces and line breaks) or one word. */
        String value() {
            char open = s.charAt(pos);
            char close = switch (open) {
                case '"' -> '"';
                case '\u201C' -> '\u201D';
                case '\'' -> '\'';
                case '\u2018' -> '\u2019';
                default -> 0;
            };
            if (close != 0) {
                int end = s.indexOf(close, pos + 1);
                if (open == '"' && end < 0) {
                    end = s.indexOf('\u201D', pos + 1);
                }
                if (end > pos) {
                    String v = s.substring(pos + 1, end);
                    pos = end + 1;
                    return v;
                }
            }
            return unquote(word());
        }

        String rest() {
            return s.substring(Math.min(pos, s.length()));
        }

        static String unquote(String v) {
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'")
                    || v.startsWith("\u201C") && v.endsWith("\u201D"))) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }
    }
}
