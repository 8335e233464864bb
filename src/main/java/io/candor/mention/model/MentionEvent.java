package io.candor.mention.model;

import java.time.Instant;

/** One change to a mention: who did what, when (received, assigned, in progress, answered, …). */
public record MentionEvent(long mentionId, Instant at, String actor, String action, String detail) {
}
