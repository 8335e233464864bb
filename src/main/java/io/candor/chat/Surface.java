package io.candor.chat;

import io.candor.identity.SurfaceKind;

/**
 * A chat platform Candor is connected to (Slack, Discord, the terminal). {@code candor serve}
 * starts each configured surface; reminders reach people through the surface's port.
 */
public interface Surface extends AutoCloseable {
    /** Which surface this is: the same as {@link ChatUser#surface()} of the people on it. */
    SurfaceKind kind();

    /** "slack", "discord" or "terminal": its kind's word, as readiness and messages name it. */
    default String name() {
        return kind().id();
    }

    /** How the core reaches people on this surface on its own initiative. */
    ChatPort port();

    /** Connects; returns once the surface is up or has failed with a clear message. */
    void start() throws Exception;

    /**
     * For readiness: empty while the surface is connected and its events reach Candor, else
     * why not ("starting", "the gateway connection is RECONNECTING_…"). Cheap: no network call.
     */
    default java.util.Optional<String> problem() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
