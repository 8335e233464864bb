package io.candor.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat markup as a terminal shows it: Candor's own {@code **bold**} and {@code `code`}
 * ({@link io.candor.chat.Markup}), and the Slack and Discord marks people type ({@code *bold*},
 * {@code _italic_}, {@code ~strike~}, links {@code <url|words>}): ANSI styles on a terminal that
 * has them, the plain words elsewhere (a pipe, a file, a dumb terminal), so nobody reads stray
 * asterisks and backticks.
 */
public final class TerminalMarkup {
    private static final String BOLD = "\u001B[1m";
    private static final String ITALIC = "\u001B[3m";
    private static final String CODE = "\u001B[36m";
    private static final String RESET = "\u001B[0m";

    // code first: what is inside backticks is shown as typed, stars and all
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern DOUBLE_BOLD = Pattern.compile("\\*\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*\\*");
    private static final Pattern BOLD_SPAN = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern ITALIC_SPAN = Pattern.compile("(?<![\\w_])_(?=\\S)([^_\\n]+?)(?<=\\S)_(?![\\w_])");
    private static final Pattern STRIKE_SPAN = Pattern.compile("(?<![\\w~])~(?=\\S)([^~\\n]+?)(?<=\\S)~(?![\\w~])");
    private static final Pattern SLACK_LINK = Pattern.compile("<(https?://[^|>\\s]+)\\|([^>\\n]+)>");

    private TerminalMarkup() {
    }

    public static String render(String text, boolean ansi) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(text);
        int last = 0;
        while (code.find()) {
            out.append(styles(text.substring(last, code.start()), ansi));
            out.append(ansi ? CODE + code.group(1) + RESET : code.group(1));
            last = code.end();
        }
        out.append(styles(text.substring(last), ansi));
        return out.toString();
    }

    private static String styles(String s, boolean ansi) {
        s = SLACK_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2) + " (" + m.group(1) + ")"));
        s = wrap(DOUBLE_BOLD, s, ansi ? BOLD : "", ansi ? RESET : "");
        s = wrap(BOLD_SPAN, s, ansi ? BOLD : "", ansi ? RESET : "");
        s = wrap(ITALIC_SPAN, s, ansi ? ITALIC : "", ansi ? RESET : "");
        return wrap(STRIKE_SPAN, s, "", "");
    }

    private static String wrap(Pattern p, String s, String open, String close) {
        return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(open + m.group(1) + close));
    }
}
