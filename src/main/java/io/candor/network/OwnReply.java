package io.candor.network;

import java.time.Instant;

/**
 * A post of the team's own account that answers another post: {@code parentId} is the
 * answered post's source id as Candor stores mentions (a Mastodon status id, a Bluesky
 * {@code at://} URI), {@code at} when the reply was written.
 */
public record OwnReply(String parentId, String text, Instant at, String url) {
}
