package io.candor.chat;

import io.candor.identity.SurfaceKind;

/**
 * Which inbound chat events were already handled, so each is handled once: Slack redelivers
 * an event (X-Slack-Retry-Num), a captured signed request can be replayed, and every Candor
 * instance connected to Discord with the same bot receives every event. Kept in the shared
 * database when there is one, so the answer holds across instances.
 */
public interface HandledEvents {
    /**
     * True the first time {@code key} is offered for {@code surface} (this instance or another
     * then owns the event); false for a repeat, which must be dropped. Keys without a value are
     * always new.
     */
    boolean claim(SurfaceKind surface, String key);
}
