package io.candor.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The networks a draft can be aimed at, and for YouTube, Reddit and Pinterest the places in them
 * whose limits differ (a video's title and description). Limits live in config; only identity
 * and the names people type for them live here. New ones go at the end: the history keeps
 * platforms as bits by position.
 */
public enum Platform {
    TWITTER("x", "twitter"),
    BLUESKY("bluesky", "bsky"),
    THREADS("threads"),
    MASTODON("mastodon", "fediverse"),
    INSTAGRAM("instagram", "ig"),
    LINKEDIN("linkedin"),
    FACEBOOK("facebook", "fb"),
    TIKTOK("tiktok"),
    /** A video's description (and comments on a video, by kind). */
    YOUTUBE("youtube", "yt", "youtube-description"),
    YOUTUBE_TITLE("youtube-title"),
    YOUTUBE_POST("youtube-post", "youtube-community"),
    PINTEREST("pinterest"),
    PINTEREST_TITLE("pinterest-title"),
    /** A post's body (and comments, by kind). */
    REDDIT("reddit"),
    REDDIT_TITLE("reddit-title");

    private final List<String> names;

    Platform(String... names) {
        this.names = List.of(names);
    }

    /** The name stored and shown in lists: {@code twitter}, {@code youtube-title}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The name the bot uses when it talks about the platform. */
    public String displayName() {
        return switch (this) {
            case TWITTER -> "X";
            case BLUESKY -> "Bluesky";
            case THREADS -> "Threads";
            case MASTODON -> "Mastodon";
            case INSTAGRAM -> "Instagram";
            case LINKEDIN -> "LinkedIn";
            case FACEBOOK -> "Facebook";
            case TIKTOK -> "TikTok";
            case YOUTUBE -> "YouTube";
            case YOUTUBE_TITLE -> "a YouTube title";
            case YOUTUBE_POST -> "a YouTube community post";
            case PINTEREST -> "Pinterest";
            case PINTEREST_TITLE -> "a Pin title";
            case REDDIT -> "Reddit";
            case REDDIT_TITLE -> "a Reddit title";
        };
    }

    public static Optional<Platform> find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.names.contains(n) || p.id().equals(n)).findFirst();
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).flatMap(p -> p.names.stream()).toList());
    }
}
