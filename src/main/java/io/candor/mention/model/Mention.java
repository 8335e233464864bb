package io.candor.mention.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A social media mention the team may have to answer. {@code id} is Candor's own number
 * (what {@code /coach done 12} takes); {@code platform} + {@code sourceId} identify it at
 * its source. {@code assignee} is a person's name from {@code people:} or, for someone not
 * listed there, their chat key (surface:team:id). {@code threadKey} ties it to the chat
 * message it was posted as, when it arrived through a mentions channel.
 */
public record Mention(long id, String platform, String sourceId, String author, String text, String url,
                      Instant receivedAt, String assignee, MentionState state, Instant snoozedUntil,
                      String threadKey) {

    public Optional<String> assigneeName() {
        return Optional.ofNullable(assignee).filter(a -> !a.isBlank());
    }

    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }
}
