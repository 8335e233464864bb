package io.candor.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message formatting back to the words the person typed, so a draft is reviewed as
 * it will be posted: {@code <https://x.io|x.io>} becomes {@code x.io}, {@code <@U123|ana>}
 * {@code @ana}, {@code <#C1|social>} {@code #social}, and {@code &amp; &lt; &gt;} their characters.
 */
final class SlackText {
    private static final Pattern ANGLED = Pattern.compile("<([^<>]*)>");

    private SlackText() {
    }

    static String plain(String slack) {
        if (slack == null || slack.isEmpty()) {
            return "";
        }
        Matcher m = ANGLED.matcher(slack);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(unangle(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String unangle(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            return "@" + (label.isEmpty() ? target.substring(1) : label);
        }
        if (target.startsWith("#")) {
            return "#" + (label.isEmpty() ? target.substring(1) : label);
        }
        if (target.startsWith("!")) {
            // <!here>, <!channel>, <!subteam^ID|@team>
            return label.isEmpty() ? "@" + target.substring(1) : label;
        }
        if (target.startsWith("mailto:")) {
            return label.isEmpty() ? target.substring("mailto:".length()) : label;
        }
        return label.isEmpty() ? target : label;
    }
}
