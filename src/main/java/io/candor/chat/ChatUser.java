package io.candor.chat;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A person on a chat surface. {@code surface} is "slack", "discord" or "terminal";
 * {@code team} is the Slack workspace or Discord guild; {@code zone} is their own time
 * zone when the platform tells it.
 */
public record ChatUser(String surface, String team, String id, String name, Optional<ZoneId> zone) {
    public ChatUser {
        zone = zone == null ? Optional.empty() : zone;
        name = name == null || name.isBlank() ? id : name;
    }

    public static ChatUser of(String surface, String team, String id, String name) {
        return new ChatUser(surface, team, id, name, Optional.empty());
    }

    /** The stable key used for feedback and reminders: surface, team and id together. */
    public String key() {
        return surface + ":" + team + ":" + id;
    }
}
