package io.candor.store;

import java.time.Instant;

/**
 * One remembered post as the database keeps it. {@code body} and {@code normalized} are
 * null once the text retention has passed (or when an import is older than it); the
 * signature lives longer. {@code importKey} (a content hash) is set for imported rows only.
 */
public record HistoryRow(long id, String team, String author, String source, String platforms, Instant postedAt,
                         String body, String normalized, byte[] signature, Long importKey) {
    public HistoryRow withId(long newId) {
        return new HistoryRow(newId, team, author, source, platforms, postedAt, body, normalized, signature, importKey);
    }
}
