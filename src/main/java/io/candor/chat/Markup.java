package io.candor.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one markup Candor's own sentences may carry, in no platform's dialect: {@code **bold**}
 * and {@code `code`}. Every surface renders it its own way (Slack's {@code *bold*}, Discord's
 * {@code **bold**}, ANSI or plain words on a terminal) through a {@link Style}, so the core
 * never writes a platform's syntax.
 */
public final class Markup {
    // code first: what is inside backticks is shown as typed, stars and all
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`|\\*\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*\\*");

    /** How one surface shows each kind of span; {@code plain} is everything else (to escape, say). */
    public interface Style {
        String plain(String s);

        String bold(String s);

        String code(String s);
    }

    /** The words alone, for a pipe, a file or a notification. */
    public static final Style WORDS = new Style() {
        @Override
        public String plain(String s) {
            return s;
        }

        @Override
        public String bold(String s) {
            return s;
        }

        @Override
        public String code(String s) {
            return s;
        }
    };

    private Markup() {
    }

    public static String render(String text, Style style) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SPAN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(style.plain(text.substring(last, m.start())));
            out.append(m.group(1) != null ? style.code(m.group(1)) : style.bold(m.group(2)));
            last = m.end();
        }
        out.append(style.plain(text.substring(last)));
        return out.toString();
    }
}
