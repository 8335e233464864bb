package io.candor.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event ids already handled. Slack redelivers an event (with X-Slack-Retry-Num) when the
 * first delivery looked slow or failed; the event_id stays the same, so the second copy
 * is dropped here instead of creating a second mention or a second ephemeral reply.
 */
final class SeenEvents {
    private final int capacity;
    private final Map<String, Boolean> seen;

    SeenEvents(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > SeenEvents.this.capacity;
            }
        };
    }

    /** True the first time an id is offered; events without an id are always new. */
    synchronized boolean first(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return true;
        }
        return seen.put(eventId, Boolean.TRUE) == null;
    }
}
