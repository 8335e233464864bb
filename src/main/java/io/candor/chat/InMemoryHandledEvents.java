package io.candor.chat;

import io.candor.identity.SurfaceKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Handled events remembered by this process only, the most recent {@code capacity} of them:
 * for the terminal, tests, and as the fast first check in front of the database.
 */
public final class InMemoryHandledEvents implements HandledEvents {
    private final int capacity;
    private final Map<String, Boolean> seen;

    public InMemoryHandledEvents(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > InMemoryHandledEvents.this.capacity;
            }
        };
    }

    public InMemoryHandledEvents() {
        this(20_000);
    }

    @Override
    public synchronized boolean claim(SurfaceKind surface, String key) {
        if (key == null || key.isBlank()) {
            return true;
        }
        return seen.put(surface.id() + "\u0000" + key, Boolean.TRUE) == null;
    }
}
