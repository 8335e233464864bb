package io.candor.mention;

import java.time.Instant;

/** One change to a mention: who did what, when (received, assigned, in progress, answered, …). */
public record MentionEvent(long mentionId, Instant at, String actor, String action, String detail) {
}
