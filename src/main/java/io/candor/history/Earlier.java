package io.candor.history;

import io.candor.platform.Platform;
import java.time.Instant;
import java.util.List;

/**
 * An earlier text that a draft copies: how alike (estimated Jaccard similarity, and the share
 * of the shorter text inside the longer), whether it matched as an adapted copy only (trimmed,
 * a sentence dropped or changed), when, where and by whom, and whether it was published or
 * only reviewed. {@code pairs}: how many word pairs the earlier text has; {@code conversation}:
 * it was kept with the conversation it belonged to (only then is it worth asking the database).
 */
public record Earlier(long id, double similarity, double containment, boolean adapted, int pairs, Instant postedAt,
                      List<Platform> platforms, String author, boolean posted, boolean conversation) {
}
