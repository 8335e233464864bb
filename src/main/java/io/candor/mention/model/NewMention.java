package io.candor.mention.model;

import io.candor.identity.PersonRef;
import java.time.Instant;
import java.util.Optional;

/**
 * A mention as it arrives (webhook, import, mentions channel), before Candor numbers it.
 * {@code assignee} is empty when the sender did not say; assignment rules fill it in.
 */
public record NewMention(String platform, String sourceId, String author, String text, String url,
                         Instant receivedAt, Optional<PersonRef> assignee, String threadKey) {
    public NewMention {
        assignee = assignee == null ? Optional.empty() : assignee;
    }
}
