package io.candor.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A person on a chat surface as Candor keys them: the surface, the team there (Slack workspace,
 * Discord guild; empty on the terminal) and their id. Feedback, muted rules and the mentions of
 * someone not in {@code people:} are kept under it.
 */
public record ChatKey(SurfaceKind surface, String team, String id) implements PersonRef {
    public ChatKey {
        Objects.requireNonNull(surface, "surface");
        team = team == null ? "" : team;
        Objects.requireNonNull(id, "id");
    }

    /** {@code surface:team:id}, as the database keeps it. */
    @Override
    public String key() {
        return surface.id() + ":" + team + ":" + id;
    }

    /**
     * The key a stored {@code surface:team:id} stands for; empty when the text is not one (a
     * name, or a surface nobody is reached on).
     */
    public static Optional<ChatKey> parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || parts[2].isBlank()) {
            return Optional.empty();
        }
        return SurfaceKind.find(parts[0]).filter(SurfaceKind::chat).map(s -> new ChatKey(s, parts[1], parts[2]));
    }

    @Override
    public String toString() {
        return key();
    }

    /*
     * equals and hashCode by hand, with the formula a record's own use (31 * h + component): a
     * record's go through method handles, and in a fresh process, whose code the JIT has barely
     * compiled, they were a quarter of counting a year's mentions for stats (keyed by owner).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ChatKey k && surface == k.surface && team.equals(k.team) && id.equals(k.id);
    }

    @Override
    public int hashCode() {
        return (31 * surface.hashCode() + team.hashCode()) * 31 + id.hashCode();
    }
}
