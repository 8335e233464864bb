package io.candor.store;

import java.time.Instant;

/**
 * One remembered text as the database keeps it: a draft that was reviewed, or a post that
 * was published ({@code posted}: imported, marked "I posted this", or a mention's answer).
 * {@code body} and {@code normalized} are null once the text retention has passed (or when
 * an import is older than it); the fingerprint ({@code signature}, {@code anchors} as
 * Base64, the set sizes) lives longer. {@code importKey} (a content hash) is set for
 * imported rows only. {@code conversation} (hashes of what a reply answered and whom it
 * addressed, see history.ConversationKey) is null for posts and for rows from before it was kept.
 */
public record HistoryRow(long id, String team, String author, String source, String platforms, Instant postedAt,
                         String body, String normalized, byte[] signature, String anchors, int shingles, int pairs,
                         boolean posted, Long importKey, String conversation) {
    /** A row with no conversation: a post, an import. */
    public HistoryRow(long id, String team, String author, String source, String platforms, Instant postedAt,
                      String body, String normalized, byte[] signature, String anchors, int shingles, int pairs,
                      boolean posted, Long importKey) {
        this(id, team, author, source, platforms, postedAt, body, normalized, signature, anchors, shingles, pairs, posted,
                importKey, null);
    }

    public HistoryRow withId(long newId) {
        return new HistoryRow(newId, team, author, source, platforms, postedAt, body, normalized, signature, anchors,
                shingles, pairs, posted, importKey, conversation);
    }
}
