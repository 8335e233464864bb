package io.candor.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of Candor opened, in the order it opened them, closed in reverse: each part
 * closes before the parts it was made from (the HTTP server before the webhook it routes to,
 * both before the database). A part that fails to close is passed over; the rest still close.
 */
final class Parts implements AutoCloseable {
    private record Part(String name, AutoCloseable part) {
    }

    private final List<Part> open = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();

    private boolean closing;

    /** Keeps {@code part} to close; returns it. One opened once the rest are closed is closed at once. */
    synchronized <T extends AutoCloseable> T add(String name, T part) {
        open.add(new Part(name, part));
        created.add(name);
        if (closing) {
            close();
        }
        return part;
    }

    /** The names of the parts opened, in the order they were. */
    synchronized List<String> created() {
        return List.copyOf(created);
    }

    /** The names of the parts closed, in the order they were. */
    synchronized List<String> closed() {
        return List.copyOf(closed);
    }

    @Override
    public synchronized void close() {
        closing = true;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).part().close();
            } catch (Exception ignored) {
                // shutting down: nothing more to do with it
            }
            closed.add(open.get(i).name());
        }
        open.clear();
    }
}
