package io.candor.mention.model;

import io.candor.identity.PersonRef;
import java.time.Instant;
import java.util.Optional;

/**
 * A social media mention the team may have to answer. {@code id} is Candor's own number
 * (what {@code /coach done 12} takes); {@code platform} + {@code sourceId} identify it at
 * its source. {@code assignee} is who owns it, if anyone: a person from {@code people:} or
 * someone met on chat. {@code threadKey} ties it to the chat message it was posted as, when
 * it arrived through a mentions channel.
 */
public record Mention(long id, String platform, String sourceId, String author, String text, String url,
                      Instant receivedAt, Optional<PersonRef> assignee, MentionState state, Instant snoozedUntil,
                      String threadKey) {
    public Mention {
        assignee = assignee == null ? Optional.empty() : assignee;
    }

    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }
}
