package io.candor.network;

import java.util.List;

/**
 * One page read from a network, in the order to take it in, with what was skipped. When
 * {@code cursor} is not null, everything up to it has been handed over and reading may resume
 * after it (a page read forward, oldest first); null while reading backwards from the newest,
 * where only the whole walk is safe to remember.
 */
public record Batch<T>(List<T> items, Skipped skipped, String cursor) {
    public Batch {
        items = List.copyOf(items);
    }
}
