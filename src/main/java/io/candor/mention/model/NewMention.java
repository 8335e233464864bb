package io.candor.mention.model;

import java.time.Instant;

/**
 * A mention as it arrives (webhook, import, mentions channel), before Candor numbers it.
 * {@code assignee} is null when the sender did not say; assignment rules fill it in.
 */
public record NewMention(String platform, String sourceId, String author, String text, String url,
                         Instant receivedAt, String assignee, String threadKey) {
    public NewMention withAssignee(String a) {
        return new NewMention(platform, sourceId, author, text, url, receivedAt, a, threadKey);
    }
}
