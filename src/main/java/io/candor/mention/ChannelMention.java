package io.candor.mention;

import io.candor.chat.ChatUser;
import io.candor.identity.SurfaceKind;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message pasted into a mentions channel as a mention: which network it is from
 * (by the link in it) and who wrote it (the first @handle), since a person pasting it is
 * rarely its author.
 */
final class ChannelMention {
    private static final Map<String, String> HOSTS = Map.ofEntries(
            Map.entry("x.com", "x"), Map.entry("twitter.com", "x"), Map.entry("bsky.app", "bluesky"),
            Map.entry("threads.net", "threads"), Map.entry("threads.com", "threads"),
            Map.entry("instagram.com", "instagram"), Map.entry("linkedin.com", "linkedin"),
            Map.entry("facebook.com", "facebook"), Map.entry("reddit.com", "reddit"),
            Map.entry("youtube.com", "youtube"), Map.entry("tiktok.com", "tiktok"));
    private static final Pattern HOST = Pattern.compile("https?://(?:www\\.|m\\.|mobile\\.)?([a-z0-9.-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w<])@([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})");
    private static final Pattern MASTODON = Pattern.compile("https?://[^/\\s]+/@\\w+");

    private ChannelMention() {
    }

    static String platform(String text) {
        Matcher m = HOST.matcher(text);
        while (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            String p = HOSTS.get(host);
            if (p != null) {
                return p;
            }
        }
        return MASTODON.matcher(text).find() ? "mastodon" : "chat";
    }

    static String author(String text, ChatUser poster) {
        Matcher m = HANDLE.matcher(text);
        return m.find() ? "@" + m.group(1) : poster.name();
    }

    /** The mention's thread key: the chat message it was posted as, {@code surface:channel:message}. */
    static String threadKey(SurfaceKind surface, String channel, String messageId) {
        return surface.id() + ":" + channel + ":" + messageId;
    }
}
