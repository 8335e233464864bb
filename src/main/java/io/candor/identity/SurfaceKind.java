package io.candor.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a person speaks to Candor from: a chat surface (Slack, Discord, the terminal chat) or
 * the command line. The word ({@link #id()}) is what the database keeps beside a person's id.
 */
public enum SurfaceKind {
    SLACK, DISCORD, TERMINAL, CLI;

    /** "slack", "discord", "terminal", "cli". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether people here have a chat key Candor can reach them by (not the command line). */
    public boolean chat() {
        return this != CLI;
    }

    /** The surface this word names, if it names one. */
    public static Optional<SurfaceKind> find(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
