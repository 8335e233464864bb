package io.candor.chat;

import io.candor.identity.ChatKey;
import io.candor.identity.SurfaceKind;
import io.candor.review.Writer;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A person on a chat surface (or the command line). {@code team} is the Slack workspace or
 * Discord guild; {@code zone} is their own time zone when the platform tells it.
 */
public record ChatUser(SurfaceKind surface, String team, String id, String name, Optional<ZoneId> zone) {
    public ChatUser {
        zone = zone == null ? Optional.empty() : zone;
        name = name == null || name.isBlank() ? id : name;
    }

    public static ChatUser of(SurfaceKind surface, String team, String id, String name) {
        return new ChatUser(surface, team, id, name, Optional.empty());
    }

    /** Someone known only by their key: their id is all the name there is. */
    public static ChatUser of(ChatKey key) {
        return of(key.surface(), key.team(), key.id(), key.id());
    }

    /** The stable key used for feedback and reminders: surface, team and id together. */
    public ChatKey key() {
        return new ChatKey(surface, team, id);
    }

    /** This person as the writer of a draft they asked about. */
    public Writer writer() {
        return Writer.onChat(key());
    }
}
