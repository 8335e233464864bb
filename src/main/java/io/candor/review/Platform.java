package io.candor.review;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The networks a draft can be aimed at. Limits live in config; only identity and the
 * names people type for them live here.
 */
public enum Platform {
    TWITTER("x", "twitter"),
    BLUESKY("bluesky", "bsky"),
    THREADS("threads"),
    MASTODON("mastodon", "fediverse"),
    INSTAGRAM("instagram", "ig"),
    LINKEDIN("linkedin"),
    FACEBOOK("facebook", "fb");

    private final List<String> names;

    Platform(String... names) {
        this.names = List.of(names);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
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
